import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, degrees } from '@cantoo/pdf-lib';
import type { PageFrame } from '../../../main/domain/nd30/geometry.ts';
import { normalizeRotation } from '../../../main/domain/nd30/rotation.ts';
import { visualRect } from './check-placement.ts';
import type { DocumentTruth } from './spec.ts';

const run = promisify(execFile);

/** Runs a converter on the bytes in a temp folder and returns its output file. */
async function convert(
  bytes: Uint8Array,
  tool: string,
  args: (input: string, output: string) => string[],
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-corpus-'));
  try {
    const input = join(dir, 'in.pdf');
    const output = join(dir, 'out.pdf');
    await writeFile(input, bytes);
    await run(tool, args(input, output));
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Poppler's cairo backend: re-draws every page, splits text per glyph run, bakes /Rotate in. */
export function viaPdftocairo(bytes: Uint8Array): Promise<Uint8Array> {
  return convert(bytes, 'pdftocairo', (i, o) => ['-pdf', i, o]);
}

/** mupdf's cleaner: garbage-collects, renumbers, decompresses and re-compresses streams. */
export function viaMutoolClean(bytes: Uint8Array): Promise<Uint8Array> {
  return convert(bytes, 'mutool', (i, o) => ['clean', '-gggg', '-z', i, o]);
}

/**
 * Same content, but a media box whose origin is not (0, 0) and a crop box inside it, as
 * scanners and imposition tools write: placements must follow the crop box, not assume A4 at 0.
 */
export async function withOffsetBoxes(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const page of doc.getPages()) {
    const { width, height } = page.getMediaBox();
    page.setMediaBox(-30, -40, width + 60, height + 80);
    page.setCropBox(-10, -20, width + 20, height + 40);
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * Adds `turn` to every page's /Rotate without touching the content, as a viewer's "rotate and
 * save" does (pdf-lib rewrites the file; the producer entry is kept): the text then shows sideways.
 */
export async function turnedAfter(bytes: Uint8Array, turn: 90 | 180 | 270): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const page of doc.getPages()) {
    page.setRotation(degrees(page.getRotation().angle + turn));
  }
  return doc.save({ useObjectStreams: false });
}

/** Crop box and /Rotate of every page, as pdfjs will see them. */
export async function pageFrames(bytes: Uint8Array): Promise<PageFrame[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const box = page.getCropBox();
    return {
      view: [box.x, box.y, box.x + box.width, box.y + box.height] as const,
      rotation: normalizeRotation(page.getRotation().angle),
    };
  });
}

/** Truth of a document whose rotation a converter baked into the content: visual becomes user space. */
export function bakeRotation(truth: DocumentTruth, frames: readonly PageFrame[]): DocumentTruth {
  const frameOf = (i: number): PageFrame => frames[i] ?? { view: [0, 0, 0, 0], rotation: 0 };
  return {
    ...truth,
    soLine: visualRect(frameOf(0), truth.soLine),
    dateLine: visualRect(frameOf(0), truth.dateLine),
    signerBlocks: truth.signerBlocks.map((b) => ({
      ...b,
      titleLine: visualRect(frameOf(b.pageIndex), b.titleLine),
      nameLine: visualRect(frameOf(b.pageIndex), b.nameLine),
    })),
  };
}
