import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusEntry } from '../../support/corpus/corpus.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { tempDir } from './flow-support.ts';
import { issueAuto } from './issue-support.ts';

const pki = usePki();

/**
 * The whole issuing flow, placed by the layout module, on every document of the layout corpus
 * and its producer variants: wrapped date lines, pages turned by /Rotate (drawn for the reader
 * or turned afterwards), LibreOffice exports, pdftocairo and mutool rewrites.
 */
describe('issuing flow on the layout corpus', () => {
  let corpus: CorpusEntry[] = [];
  beforeAll(async () => {
    corpus = await buildCorpus();
  }, 120_000);

  it('prepares, certifies, numbers and seals every document, and every validator accepts it', async () => {
    const failures: string[] = [];
    for (const entry of corpus) {
      const name = `${entry.producer}/${entry.id}`;
      try {
        const paths = await issueAuto(pki, entry.bytes, tempDir());
        const report = validateAll(paths.sealed, pki);
        if (!allValid(report, 2)) {
          failures.push(`${name}: ${JSON.stringify(report.mupdf)} ${JSON.stringify(report.pdfsig)}`);
        }
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(corpus.length).toBeGreaterThanOrEqual(50);
  }, 600_000);
});
