import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPopplerRenderer } from '../../../main/services/pdf/layout/page-renderer.ts';

/*
 * A screen may ask for the page of each of a hundred selected drafts at once; the renderer runs
 * a few pdftoppm processes at a time (main/services/pdf/layout/page-renderer.ts). A stand-in
 * binary notes how many copies of itself run beside it, then writes the PNG pdftoppm would.
 */
describe('page renders wait their turn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-render-limit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const running = join(dir, 'dang-chay');
  const seen = join(dir, 'so-dang-chay.txt');
  const binary = join(dir, 'pdftoppm-thu');
  writeFileSync(
    binary,
    [
      '#!/bin/sh',
      `mkdir -p ${running} && touch ${running}/$$`,
      `ls ${running} | wc -l >> ${seen}`,
      'sleep 0.2',
      `rm ${running}/$$`,
      // The last argument is the output prefix (-singlefile -png): pdftoppm writes <prefix>.png.
      'for last in "$@"; do :; done',
      'printf PNG > "$last.png"',
    ].join('\n'),
  );
  chmodSync(binary, 0o755);

  it('runs at most the limit at once, and every page is rendered', async () => {
    const renderer = createPopplerRenderer(binary, 2);
    const pages = await Promise.all(
      Array.from({ length: 6 }, (_, i) => renderer.render(new Uint8Array([37, 80, 68, 70]), i, 72)),
    );
    expect(pages.map((p) => (p === null ? null : Buffer.from(p).toString()))).toEqual(Array(6).fill('PNG'));
    const counts = readFileSync(seen, 'utf8').trim().split('\n').map(Number);
    expect(counts).toHaveLength(6);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  });
});
