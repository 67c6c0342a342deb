/**
 * Benchmark: the thể thức check of a 10-page draft (`checkTheThuc`: pdfjs operator lists and
 * text with font names for every page, line rebuilding, every rule) beside poppler's
 * `pdftotext -bbox-layout` on the same file in the same run — the peer only extracts the
 * words with their boxes, no fonts and no rules. Goal: ≤ 300 ms for 10 pages.
 * The draft is the corpus Quyết định (pdf-lib, embedded Liberation Serif) padded to 10 pages; the
 * same draft typed in TCVN3 (.VnTime/.VnTimeH) is timed too, since its text is detected and
 * converted to Unicode before the rules run (issue #21 point 4).
 *   node tests/bench/the-thuc.ts [iterations]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTheThuc } from '../../main/services/the-thuc/check.ts';
import { legacyTypesetting } from '../support/corpus/legacy-typesetting.ts';
import { makeDocument, QUYET_DINH } from '../support/corpus/make-document.ts';
import { writeDocument } from '../support/corpus/write-document.ts';

const iterations = Number(process.argv[2] ?? '9');
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-the-thuc-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

try {
  // Padded until the draft has 10 pages.
  let extra = 150;
  let doc = await makeDocument({ id: 'bench-10', extraParagraphs: extra });
  while (doc.truth.pageCount !== 10) {
    extra += doc.truth.pageCount < 10 ? 8 : -4;
    doc = await makeDocument({ id: 'bench-10', extraParagraphs: extra });
  }
  const file = join(dir, 'draft-10.pdf');
  writeFileSync(file, doc.bytes);
  // The first check loads pdfjs and its fonts code: reported apart, not in the median.
  const c0 = performance.now();
  const first = await checkTheThuc(doc.bytes);
  const cold = performance.now() - c0;
  const ours: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    await checkTheThuc(doc.bytes);
    ours.push(performance.now() - t0);
  }
  const peer: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    const r = spawnSync('pdftotext', ['-bbox-layout', file, '-']);
    if (r.status !== 0) {
      throw new Error(r.stderr.toString());
    }
    peer.push(performance.now() - t0);
  }
  console.log(`draft: ${first.pageCount} pages, ${first.findings.length} findings, ${first.rulesChecked.length} rules`);
  console.log(
    `thể thức check (median of ${iterations}): ${median(ours).toFixed(0)} ms (first run ${cold.toFixed(0)} ms)`,
  );
  console.log(`pdftotext -bbox-layout (median of ${iterations}): ${median(peer).toFixed(0)} ms`);
  console.log(`goal ≤ 300 ms: ${median(ours) <= 300 ? 'met' : 'NOT met'}`);

  // The same draft typed in TCVN3: detection and conversion come on top of the check.
  let legacy = await writeDocument(
    { ...QUYET_DINH, id: 'bench-10-tcvn3', extraParagraphs: extra },
    legacyTypesetting('tcvn3'),
  );
  while (legacy.truth.pageCount !== 10) {
    extra += legacy.truth.pageCount < 10 ? 8 : -4;
    legacy = await writeDocument(
      { ...QUYET_DINH, id: 'bench-10-tcvn3', extraParagraphs: extra },
      legacyTypesetting('tcvn3'),
    );
  }
  const legacyFile = join(dir, 'draft-10-tcvn3.pdf');
  writeFileSync(legacyFile, legacy.bytes);
  await checkTheThuc(legacy.bytes);
  const oursLegacy: number[] = [];
  const peerLegacy: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    await checkTheThuc(legacy.bytes);
    oursLegacy.push(performance.now() - t0);
    const t1 = performance.now();
    spawnSync('pdftotext', ['-bbox-layout', legacyFile, '-']);
    peerLegacy.push(performance.now() - t1);
  }
  console.log(
    `TCVN3 draft, 10 pages: check (median of ${iterations}) ${median(oursLegacy).toFixed(0)} ms; pdftotext -bbox-layout ${median(peerLegacy).toFixed(0)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
