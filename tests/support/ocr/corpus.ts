import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DocumentSpec } from '../corpus/spec.ts';
import { specToFodt } from '../the-thuc/fodt.ts';
import { CLEAN_SPECS } from '../the-thuc/corpus.ts';

const run = promisify(execFile);

/** The catalog's Quyết định and Công văn: the two header forms (tên loại + trích yếu, "V/v"). */
export const OCR_SPECS: readonly DocumentSpec[] = ['qd-kt-1', 'cv-kt-1'].map((id) => {
  const spec = CLEAN_SPECS.find((s) => s.id === id);
  if (spec === undefined) {
    throw new Error(`no clean spec ${id}`);
  }
  return spec;
});

/** The thể thức corpus templates (.fodt) made into PDFs by LibreOffice, the real producer. */
export async function buildOcrSources(specs: readonly DocumentSpec[]): Promise<Map<string, Uint8Array>> {
  const work = await mkdtemp(join(tmpdir(), 'vanthu-ocr-src-'));
  try {
    const sources = await Promise.all(
      specs.map(async (spec) => {
        const file = join(work, `${spec.id}.fodt`);
        await writeFile(file, specToFodt(spec, undefined));
        return file;
      }),
    );
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${work}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...sources,
      ],
      { maxBuffer: 16 << 20, timeout: 600_000 },
    );
    const out = new Map<string, Uint8Array>();
    for (const spec of specs) {
      out.set(spec.id, new Uint8Array(await readFile(join(work, `${spec.id}.pdf`))));
    }
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
