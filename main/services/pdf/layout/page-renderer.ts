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
export function createPopplerRenderer(binary = 'pdftoppm'): PageRenderer {
  return {
    async render(pdf, pageIndex, dpi) {
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
    },
  };
}
