import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Renders one page to PNG for the placement preview; null when this machine cannot. */
export interface PageRenderer {
  render(pdf: Uint8Array, pageIndex: number, dpi: number): Promise<Uint8Array | null>;
}

const run = promisify(execFile);

/**
 * Poppler's pdftoppm, present on Linux workstations. Where it is missing (a stock Windows
 * install) the preview has no image and the renderer draws the page with pdf.js itself.
 */
export function createPopplerRenderer(binary = 'pdftoppm', concurrency = MAX_RENDERS): PageRenderer {
  let running = 0;
  const waiting: Array<() => void> = [];
  return {
    async render(pdf, pageIndex, dpi) {
      // A screen may ask for many pages at once (a hundred drafts selected): a few processes at a
      // time keep the cores for the main thread and the signing, the rest wait their turn.
      if (running >= concurrency) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      running += 1;
      try {
        return await renderPage(binary, pdf, pageIndex, dpi);
      } finally {
        running -= 1;
        waiting.shift()?.();
      }
    },
  };
}

/** Page renders at once; a machine of the offices has two to four cores. */
const MAX_RENDERS = 2;

async function renderPage(binary: string, pdf: Uint8Array, pageIndex: number, dpi: number): Promise<Uint8Array | null> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-preview-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf);
    const page = String(pageIndex + 1);
    await run(
      binary,
      // The crop box, as readers show the page and as every box drawn over the preview is given.
      ['-r', String(dpi), '-f', page, '-l', page, '-cropbox', '-singlefile', '-png', input, join(dir, 'page')],
      {
        timeout: 30_000,
      },
    );
    return new Uint8Array(await readFile(join(dir, 'page.png')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
