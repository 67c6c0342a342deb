import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import type { Rect } from '../../../main/services/pdf/placement.ts';

const run = promisify(execFile);

export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  /** Pixels per point. */
  readonly scale: number;
}

/** Renders one page (0-based) with poppler's pdftoppm, no anti-aliasing, as the reader sees it. */
export async function renderPage(pdf: Uint8Array, pageIndex: number, dpi = 72): Promise<Raster> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-render-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const page = String(pageIndex + 1);
    await run('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      page,
      '-l',
      page,
      '-singlefile',
      '-aa',
      'no',
      '-aaVector',
      'no',
      '-png',
      join(dir, 'in.pdf'),
      join(dir, 'out'),
    ]);
    const png = PNG.sync.read(await readFile(join(dir, 'out.png')));
    return { width: png.width, height: png.height, data: png.data, scale: dpi / 72 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type Ink = 'blue' | 'red' | 'dark';

export function inkAt(r: Raster, x: number, y: number): Ink | undefined {
  const i = (y * r.width + x) * 4;
  const red = r.data[i] ?? 255;
  const green = r.data[i + 1] ?? 255;
  const blue = r.data[i + 2] ?? 255;
  if (blue > 140 && red < 110 && green < 130) {
    return 'blue';
  }
  if (red > 150 && green < 110 && blue < 110) {
    return 'red';
  }
  if (red < 90 && green < 90 && blue < 90) {
    return 'dark';
  }
  return undefined;
}

/** Pixel box (top-left origin) of a user-space rectangle on an unrotated page of the given height. */
export function toPixels(
  rect: Rect,
  pageHeight: number,
  scale: number,
): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.floor(rect.x * scale),
    x1: Math.ceil((rect.x + rect.width) * scale),
    y0: Math.floor((pageHeight - rect.y - rect.height) * scale),
    y1: Math.ceil((pageHeight - rect.y) * scale),
  };
}

/** Counts pixels of one ink, inside or outside a pixel box. */
export function countInk(
  r: Raster,
  ink: Ink,
  box: { x0: number; y0: number; x1: number; y1: number },
  inside: boolean,
): number {
  let n = 0;
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      const within = x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
      if (within === inside && inkAt(r, x, y) === ink) {
        n += 1;
      }
    }
  }
  return n;
}

/** Bounding box of all pixels of one ink, or undefined. */
export function inkBounds(r: Raster, ink: Ink): { x0: number; y0: number; x1: number; y1: number } | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      if (inkAt(r, x, y) !== ink) {
        continue;
      }
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  return x0 === Infinity ? undefined : { x0, y0, x1, y1 };
}

export async function pdfToText(pdf: Uint8Array, pageIndex = 0): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-text-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const page = String(pageIndex + 1);
    const { stdout } = await run('pdftotext', ['-f', page, '-l', page, '-enc', 'UTF-8', join(dir, 'in.pdf'), '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
