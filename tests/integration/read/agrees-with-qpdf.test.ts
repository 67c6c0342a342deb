import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfFile, type Revision } from '../../../main/services/pdf/read/pdf-file.ts';
import { textOf } from '../../../main/services/pdf/read/text.ts';
import {
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  isArray,
  type PdfValue,
} from '../../../main/services/pdf/read/values.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { buildVerifyCorpus, type Corpus } from '../../support/verify/corpus.ts';
import { rewrite } from '../sign/flow-support.ts';

/**
 * The lazy reader against qpdf, which nobody here wrote: every object qpdf sees in a file (and
 * in each signed revision of it, cut at its /ByteRange end) must read the same here.
 */
const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-read-'));
let corpus: Corpus;
const producers = ['classic', 'linearize', 'objstm', 'mutool-clean', 'pdftocairo'] as const;
const produced = new Map<string, string>();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function qpdfObjects(path: string): Map<number, Json> {
  const out = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=none', path], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const parsed = JSON.parse(out.toString('utf8')) as { qpdf: [unknown, Record<string, Json>] };
  const objects = new Map<number, Json>();
  for (const [key, value] of Object.entries(parsed.qpdf[1])) {
    const m = /^obj:(\d+) \d+ R$/.exec(key);
    if (m !== null) {
      objects.set(Number(m[1]), value);
    }
  }
  return objects;
}

/** Differences between our value and qpdf's JSON for it, as paths; empty when they agree. */
function differences(ours: PdfValue | undefined, theirs: Json, path: string): string[] {
  const fail = [`${path}: ours ${shown(ours)}, qpdf ${JSON.stringify(theirs)}`];
  if (typeof theirs === 'number') {
    return typeof ours === 'number' && Math.abs(ours - theirs) < 1e-6 ? [] : fail;
  }
  if (theirs === null || typeof theirs === 'boolean') {
    return ours === theirs ? [] : fail;
  }
  if (typeof theirs === 'string') {
    if (/^\d+ \d+ R$/.test(theirs)) {
      return ours instanceof PdfRef && `${ours.num} ${ours.gen} R` === theirs ? [] : fail;
    }
    if (theirs.startsWith('/')) {
      return ours instanceof PdfName && `/${ours.name}` === theirs ? [] : fail;
    }
    if (theirs.startsWith('b:')) {
      return ours instanceof PdfString && Buffer.from(ours.bytes).toString('hex') === theirs.slice(2).toLowerCase()
        ? []
        : fail;
    }
    if (theirs.startsWith('u:')) {
      return ours instanceof PdfString && textOf(ours) === theirs.slice(2) ? [] : fail;
    }
    return fail;
  }
  if (Array.isArray(theirs)) {
    if (!isArray(ours) || ours.length !== theirs.length) {
      return fail;
    }
    return theirs.flatMap((item, i) => differences(ours[i], item, `${path}[${i}]`));
  }
  if ('stream' in theirs) {
    const dict = (theirs.stream as { dict: Json }).dict;
    return ours instanceof PdfStream ? differences(ours.dict, dict, `${path}.stream`) : fail;
  }
  if ('value' in theirs) {
    return differences(ours, theirs.value as Json, path);
  }
  if (!(ours instanceof PdfDict) || ours instanceof PdfStream) {
    return fail;
  }
  const keys = Object.keys(theirs);
  // qpdf drops keys whose value is null, as the standard says they are absent.
  const ourKeys = [...ours.map.keys()].filter((k) => ours.get(k) !== null).map((k) => `/${k}`);
  if (ourKeys.sort().join() !== [...keys].sort().join()) {
    return [`${path}: keys ${ourKeys.join(' ')} vs qpdf ${keys.join(' ')}`];
  }
  return keys.flatMap((k) => differences(ours.get(k.slice(1)), theirs[k] as Json, `${path}${k}`));
}

function shown(value: PdfValue | undefined): string {
  return value instanceof PdfName
    ? `/${value.name}`
    : value instanceof PdfRef
      ? value.key()
      : (JSON.stringify(value) ?? 'undefined');
}

function compareWithQpdf(revision: Revision, path: string): { compared: number; problems: string[] } {
  const problems: string[] = [];
  let compared = 0;
  for (const [num, value] of qpdfObjects(path)) {
    const ours = revision.lookup(num);
    problems.push(...differences(ours, value, `${num}`));
    compared++;
  }
  return { compared, problems };
}

beforeAll(async () => {
  corpus = await buildVerifyCorpus(pki, join(dir, 'corpus'));
  const doc = await makeDocument({ extraParagraphs: 40 });
  for (const producer of producers) {
    const path = join(dir, `${producer}.pdf`);
    writeFileSync(path, rewrite(producer, doc.bytes, dir));
    produced.set(producer, path);
  }
}, 180_000);

describe('the lazy reader reads what qpdf reads', () => {
  it.each(producers)('every object of a %s file', (producer) => {
    const path = produced.get(producer) as string;
    const revision = new PdfFile(new Uint8Array(readFileSync(path))).revision();
    const { compared, problems } = compareWithQpdf(revision, path);
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(10);
    expect(revision.reconstructed).toBe(false);
  });

  // Encrypted with an empty user password (permissions only): qpdf's JSON shows the clear text.
  it.each([
    ['RC4 40-bit (R2)', ['--allow-weak-crypto', '--encrypt', '', 'owner', '40', '--']],
    ['RC4 128-bit (R3)', ['--allow-weak-crypto', '--encrypt', '', 'owner', '128', '--use-aes=n', '--']],
    ['AES-128 (R4)', ['--encrypt', '', 'owner', '128', '--use-aes=y', '--']],
    ['AES-256 (R6)', ['--encrypt', '', 'owner', '256', '--']],
  ])('every object of a file encrypted with %s, decrypted', (_mode, args) => {
    const path = join(dir, `encrypted-${args.join('_').replace(/\W/g, '')}.pdf`);
    execFileSync('qpdf', [...args, produced.get('objstm') as string, path]);
    const revision = new PdfFile(new Uint8Array(readFileSync(path))).revision();
    expect(revision.security?.kind).toBe('open');
    const { compared, problems } = compareWithQpdf(revision, path);
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(10);
  });

  it('marks a file that needs a password as such and reads no encrypted object', () => {
    const path = join(dir, 'password.pdf');
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', produced.get('classic') as string, path]);
    const revision = new PdfFile(new Uint8Array(readFileSync(path))).revision();
    expect(revision.security?.kind).toBe('password');
    const info = revision.trailer.get('Info');
    expect(info).toBeInstanceOf(PdfRef);
    expect(revision.lookup(info as PdfRef)).toBeUndefined();
  });

  it.each(['vanthu-2', 'pdfsig-2', 'mutool-2', 'vanthu-2+field-locked', 'mutool-1+page'] as const)(
    'every object of %s and of each revision it signs',
    (name) => {
      const bytes = new Uint8Array(readFileSync(corpus[name]));
      const file = new PdfFile(bytes);
      const ends = [
        ...Buffer.from(bytes)
          .toString('latin1')
          .matchAll(/\/ByteRange\s*\[\s*0\s+\d+\s+(\d+)\s+(\d+)\s*\]/g),
      ].map((m) => Number(m[1]) + Number(m[2]));
      expect(ends.length).toBeGreaterThan(0);
      for (const end of [...new Set([...ends, bytes.length])]) {
        const path = join(dir, `${name}-${end}.pdf`);
        writeFileSync(path, bytes.subarray(0, end));
        const { compared, problems } = compareWithQpdf(file.revision(end), path);
        expect(problems, `${name} up to byte ${end}`).toEqual([]);
        expect(compared).toBeGreaterThan(5);
      }
    },
  );
});
