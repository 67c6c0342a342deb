import { readFile, readdir } from 'node:fs/promises';
import type { PageFrame } from '../../../main/domain/nd30/geometry.ts';
import { CATALOG } from './catalog.ts';
import { bakeRotation, pageFrames, turnedAfter, viaMutoolClean, viaPdftocairo, withOffsetBoxes } from './producers.ts';
import type { DocumentSpec, DocumentTruth } from './spec.ts';
import { writeDocument } from './write-document.ts';
import { WRAPPED_DATE_SPECS } from './wrapped.ts';

export type Producer = 'pdf-lib' | 'pdftocairo' | 'mutool-clean' | 'libreoffice';

export interface CorpusEntry {
  readonly id: string;
  readonly producer: Producer;
  readonly tenLoai: DocumentSpec['tenLoai'];
  readonly bytes: Uint8Array;
  readonly truth: DocumentTruth;
  readonly frames: readonly PageFrame[];
}

/** Documents re-written by the other producers (a spread of kinds, rotations and pages). */
const VIA_CAIRO = [
  'qd-kt-1',
  'cv-gd-1',
  'qd-lien-tich-2',
  'qd-kt-trang3',
  'qd-kt-xoay90',
  'tt-kt-xoay180',
  'qd-ngay-xuong-dong',
  'cv-ngay-xuong-dong-xoay90',
];
/** Pages given a media box that does not start at 0 and a different crop box. */
const WITH_BOXES = ['qd-kt-1', 'qd-kt-xoay90', 'tb-kt-trang2'];
const VIA_MUTOOL = ['qd-tm-1', 'tt-tm-1', 'tb-btv-2', 'cv-gd-xoay270', 'tb-kt-trang2', 'cv-ngay-xuong-dong'];
/** Pages given /Rotate 90 after the fact (a viewer's "rotate and save"): the text shows sideways. */
const TURNED_AFTER = ['cv-kt-1', 'lo-cv-kt-1'];

const FIXTURES = new URL('../../fixtures/pdf/', import.meta.url);

/**
 * The test corpus: the pdf-lib catalog generated now, some of it passed through pdftocairo and
 * `mutool clean`, plus the committed LibreOffice (.docx → .pdf) fixtures (LibreOffice is not
 * installed in CI).
 */
export async function buildCorpus(): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  for (const spec of [...CATALOG, ...WRAPPED_DATE_SPECS]) {
    const doc = await writeDocument(spec);
    const frames = await pageFrames(doc.bytes);
    const base = { id: spec.id, tenLoai: spec.tenLoai, truth: doc.truth };
    entries.push({ ...base, producer: 'pdf-lib', bytes: doc.bytes, frames });
    if (VIA_CAIRO.includes(spec.id)) {
      const bytes = await viaPdftocairo(doc.bytes);
      entries.push({
        ...base,
        producer: 'pdftocairo',
        bytes,
        truth: bakeRotation(doc.truth, frames),
        frames: await pageFrames(bytes),
      });
    }
    if (WITH_BOXES.includes(spec.id)) {
      const bytes = await withOffsetBoxes(doc.bytes);
      entries.push({ ...base, id: `${spec.id}+hop`, producer: 'pdf-lib', bytes, frames: await pageFrames(bytes) });
    }
    if (VIA_MUTOOL.includes(spec.id)) {
      const bytes = await viaMutoolClean(doc.bytes);
      entries.push({ ...base, producer: 'mutool-clean', bytes, frames: await pageFrames(bytes) });
    }
  }
  entries.push(...(await libreOfficeFixtures()));
  for (const entry of entries.filter((e) => TURNED_AFTER.includes(e.id))) {
    entries.push({
      ...entry,
      id: `${entry.id}+xoay90-sau`,
      bytes: await turnedAfter(entry.bytes, 90),
      // Judged in the frame the text reads in, which the turn did not change.
      frames: entry.frames,
    });
  }
  return entries;
}

interface FixtureTruth {
  readonly id: string;
  readonly tenLoai: DocumentSpec['tenLoai'];
  readonly truth: DocumentTruth;
}

async function libreOfficeFixtures(): Promise<CorpusEntry[]> {
  const names = (await readdir(FIXTURES).catch(() => [] as string[])).filter((n) => n.endsWith('.truth.json'));
  const entries: CorpusEntry[] = [];
  for (const name of names.sort()) {
    const meta = JSON.parse(await readFile(new URL(name, FIXTURES), 'utf8')) as FixtureTruth;
    const bytes = new Uint8Array(await readFile(new URL(name.replace('.truth.json', '.pdf'), FIXTURES)));
    entries.push({ ...meta, producer: 'libreoffice', bytes, frames: await pageFrames(bytes) });
  }
  return entries;
}
