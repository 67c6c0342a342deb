import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfFile } from '../../../main/services/pdf/read/pdf-file.ts';
import { PdfSyntaxError } from '../../../main/services/pdf/read/parse-object.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { buildVerifyCorpus, type Corpus } from '../../support/verify/corpus.ts';
import { mutate } from '../../support/verify/mutate.ts';
import { tempDir } from '../sign/flow-support.ts';

/**
 * Every object of every revision of a damaged file can be asked for: the reader answers with a
 * value or "unreadable", never an exception other than "no trailer at all" and never a hang.
 */
const pki = usePki();
let corpus: Corpus;

beforeAll(async () => {
  corpus = await buildVerifyCorpus(pki, join(tempDir('vanthu-read-fuzz-'), 'corpus'));
}, 120_000);

describe('the lazy reader on damaged files', () => {
  it.each(['vanthu-2', 'pdfsig-2', 'mutool-2'] as const)(
    'reads 400 mutations of %s without throwing',
    (name) => {
      const base = new Uint8Array(readFileSync(corpus[name]));
      const outcomes = { read: 0, noTrailer: 0, objects: 0 };
      for (let seed = 0; seed < 400; seed++) {
        const { bytes } = mutate(base, seed);
        const file = new PdfFile(bytes);
        const ends = [bytes.length, ...[0.3, 0.6].map((f) => Math.floor(bytes.length * f))];
        for (const end of ends) {
          let revision;
          try {
            revision = file.revision(end);
          } catch (error) {
            expect(error, `seed ${seed}`).toBeInstanceOf(PdfSyntaxError);
            outcomes.noTrailer++;
            continue;
          }
          outcomes.read++;
          for (const ref of revision.refs()) {
            revision.lookup(ref);
            outcomes.objects++;
          }
          revision.catalog();
        }
      }
      // Most damage leaves the file readable; the rest is reported, not thrown as anything else.
      expect(outcomes.read).toBeGreaterThan(outcomes.noTrailer);
      expect(outcomes.objects).toBeGreaterThan(400 * 10);
      // 1,200 damaged readings of every object: CPU-bound, about 15 s on a quiet core, past the
      // tier's 60 s on a machine whose cores other test files hold.
    },
    300_000,
  );
});
