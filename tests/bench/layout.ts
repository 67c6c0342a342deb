/**
 * Benchmark: ND30 placement (`findPlacements`: pdfjs text of the last page, line rebuilding,
 * signer block and page-1 fields) against poppler's `pdftotext -bbox-layout` on the same
 * pages in the same run — the peer only extracts the words with their boxes, no matching.
 * Documents: the 3-page Quyết định of the corpus, and one padded to ~100 pages.
 *   node tests/bench/layout.ts [iterations]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPlacements } from '../../main/services/pdf/layout/find-placements.ts';
import { makeDocument } from '../support/corpus/make-document.ts';

const iterations = Number(process.argv[2] ?? '9');
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-layout-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function timeOurs(bytes: Uint8Array): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    await findPlacements(bytes);
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

function timePeer(file: string, pages: number): number {
  const runs: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    // Same pages as ours reads: the last (signer block) and the first (Số and date lines).
    for (const page of new Set([1, pages])) {
      const r = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox-layout', file, '-']);
      if (r.status !== 0) {
        throw new Error(r.stderr.toString());
      }
    }
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

try {
  await findPlacements((await makeDocument()).bytes); // warm-up: pdfjs fake worker, JIT, font files
  const cases = [
    { name: 'Quyết định, 1 page', doc: await makeDocument() },
    { name: 'Quyết định, signer on page 3', doc: await makeDocument({ extraParagraphs: 45 }) },
    { name: 'Quyết định, ~100 pages', doc: await makeDocument({ extraParagraphs: 2400 }) },
  ];
  process.stdout.write(`iterations: ${iterations} (median)\n`);
  process.stdout.write('case | pages | findPlacements ms | pdftotext -bbox-layout ms | ratio\n');
  for (const c of cases) {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, c.doc.bytes);
    const ours = await timeOurs(c.doc.bytes);
    const peer = timePeer(file, c.doc.truth.pageCount);
    process.stdout.write(
      `${c.name} | ${c.doc.truth.pageCount} | ${ours.toFixed(1)} | ${peer.toFixed(1)} | ${(ours / peer).toFixed(2)}×\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
