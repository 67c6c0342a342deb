import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CATALOG } from '../corpus/catalog.ts';
import type { DocumentSpec } from '../corpus/spec.ts';
import { applies, DEFECTS, specToFodt, type Defect } from './fodt.ts';

const run = promisify(execFile);

/** Ten well-formed documents of the five types (upright ones of the placement catalog). */
export const CLEAN_SPECS: readonly DocumentSpec[] = CATALOG.filter(
  (s) => s.rotation === undefined && s.appendixPages === undefined && s.dateColumnWidth === undefined,
).slice(0, 10);

/** One spec per type carries every seeded defect. */
export const DEFECT_SPECS: readonly DocumentSpec[] = ['qd-kt-1', 'cv-kt-1', 'tt-tm-1', 'tb-tl-1', 'gm-kt-1'].map(
  (id) => {
    const spec = CATALOG.find((s) => s.id === id);
    if (spec === undefined) {
      throw new Error(`no catalog spec ${id}`);
    }
    return spec;
  },
);

export interface CorpusDocument {
  readonly id: string;
  readonly spec: DocumentSpec;
  readonly defect: Defect | undefined;
  readonly pdf: Uint8Array;
}

/** Why LibreOffice cannot make the corpus here, or null when `soffice` runs. */
export function sofficeMissing(): string | null {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return null;
  } catch {
    return 'soffice (LibreOffice Writer) is not installed: the thể thức corpus is made from .fodt templates by LibreOffice';
  }
}

/** Writes every .fodt and converts them all in one soffice run (its start-up dominates). */
export async function buildCorpus(
  options: { defects?: boolean; extra?: readonly DocumentSpec[] } = {},
): Promise<CorpusDocument[]> {
  const work = await mkdtemp(join(tmpdir(), 'vanthu-the-thuc-'));
  const wanted: Array<Omit<CorpusDocument, 'pdf'>> = [
    ...[...CLEAN_SPECS, ...(options.extra ?? [])].map((spec) => ({ id: `sach-${spec.id}`, spec, defect: undefined })),
    ...(options.defects === false ? [] : DEFECT_SPECS).flatMap((spec) =>
      (Object.keys(DEFECTS) as Defect[])
        .filter((d) => applies(d, spec))
        .map((defect) => ({ id: `${defect}-${spec.id}`, spec, defect })),
    ),
  ];
  const sources: string[] = [];
  for (const doc of wanted) {
    const file = join(work, `${doc.id}.fodt`);
    await writeFile(file, specToFodt(doc.spec, doc.defect));
    sources.push(file);
  }
  await run(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, ...sources],
    { maxBuffer: 16 << 20, timeout: 600_000 },
  );
  return Promise.all(
    wanted.map(async (doc) => ({ ...doc, pdf: new Uint8Array(await readFile(join(work, `${doc.id}.pdf`))) })),
  );
}
