import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { threadId } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMetadata } from '../../../main/services/metadata/read-metadata.ts';
import { ocrDraftPage } from '../../../main/services/ocr/ocr-draft.ts';
import { ocrInWorker, type OcrOutcome } from '../../../main/services/ocr/ocr-in-worker.ts';
import { readDraft } from '../../../main/services/the-thuc/read-draft.ts';
import { bodyText, characterAccuracy } from '../../support/ocr/scan.ts';
import { scanOf, type Scan } from '../../support/ocr/scan.ts';
import { buildOcrSources, OCR_SPECS } from '../../support/ocr/corpus.ts';

const run = promisify(execFile);

/*
 * No skip: soffice, pdftoppm and the model are installed by scripts/setup.sh, and a machine
 * without them must fail here rather than pass with nothing checked.
 */
describe('OCR of a scanned Vietnamese document on the workstation (#21 point 3)', () => {
  const scans = new Map<string, Scan>();
  const read = new Map<string, OcrOutcome>();
  const progress = new Map<string, Array<[number, number]>>();

  beforeAll(async () => {
    const sources = await buildOcrSources(OCR_SPECS);
    for (const spec of OCR_SPECS) {
      const scan = await scanOf(sources.get(spec.id) as Uint8Array, 200);
      scans.set(spec.id, scan);
      const seen: Array<[number, number]> = [];
      read.set(spec.id, await ocrInWorker(scan.pdf, { kind: 'pdf', onProgress: (d, t) => seen.push([d, t]) }));
      progress.set(spec.id, seen);
    }
  }, 300_000);

  it('the scans carry no text layer: everything read comes from the images', async () => {
    for (const scan of scans.values()) {
      const pages = await readDraft(scan.pdf);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.flatMap((p) => p.items)).toEqual([]);
    }
  });

  it('reads the body text with ≥ 95 % character accuracy against pdftotext of the original', () => {
    const rows: string[] = [];
    for (const spec of OCR_SPECS) {
      const truth = bodyText((scans.get(spec.id) as Scan).text);
      const got = bodyText((read.get(spec.id) as OcrOutcome).pages.map((p) => p.text).join('\n'));
      const accuracy = characterAccuracy(got, truth);
      rows.push(`${spec.id}: ${[...truth].length} characters, accuracy ${(accuracy * 100).toFixed(2)} %`);
      expect(truth.length).toBeGreaterThan(500);
      expect(accuracy, `${spec.id}\nread:  ${got}\ntruth: ${truth}`).toBeGreaterThanOrEqual(0.95);
    }
    console.log(`OCR body text (200 dpi scan, vie):\n${rows.join('\n')}`);
  });

  it('the metadata reader finds the số/ký hiệu and the date in the OCR text', () => {
    for (const spec of OCR_SPECS) {
      const meta = readMetadata((read.get(spec.id) as OcrOutcome).pages.map(ocrDraftPage));
      const [so = '', kyHieu = ''] = spec.soKyHieu.split(/\/(.*)/u);
      const [, d = '', m = '', y = ''] = /ngày (\d+) tháng (\d+) năm (\d+)/u.exec(spec.diaDanhNgay) ?? [];
      expect(meta.so?.value, spec.id).toBe(so);
      expect(meta.kyHieu?.value, spec.id).toBe(kyHieu.normalize('NFC'));
      expect(meta.ngayBanHanh?.value, spec.id).toBe(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    }
  });

  it('reads in a worker thread and reports every page k/n', () => {
    for (const spec of OCR_SPECS) {
      const outcome = read.get(spec.id) as OcrOutcome;
      const n = outcome.pages.length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(outcome.threadId).not.toBe(threadId);
      expect(progress.get(spec.id)).toEqual(Array.from({ length: n + 1 }, (_, k) => [k, n]));
    }
  });

  it('a run is cancelled at once: the promise rejects with OCR_CANCELLED and nothing more is reported', async () => {
    const scan = scans.get('qd-kt-1') as Scan;
    const controller = new AbortController();
    const seen: number[] = [];
    const started = performance.now();
    const pending = ocrInWorker(scan.pdf, {
      kind: 'pdf',
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        // Cancel once reading has begun (page 0 of n announced), before the first page is done.
        controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'OCR_CANCELLED' });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(seen).toEqual([0]);
  });

  it('reads a PNG image, and never reaches for the network (model, WASM and worker from disk)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-ocr-offline-'));
    try {
      const png = join(dir, 'page.png');
      await writeFile(png, (scans.get('cv-kt-1') as Scan).pngs[0] as Uint8Array);
      const { stdout } = await run(process.execPath, ['tests/support/ocr/offline-read.ts', png], {
        // Node's fetch and http go through this proxy, which nothing answers.
        env: {
          ...process.env,
          NODE_USE_ENV_PROXY: '1',
          HTTPS_PROXY: 'http://127.0.0.1:9',
          HTTP_PROXY: 'http://127.0.0.1:9',
        },
        timeout: 120_000,
      });
      const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { cdnReachable: boolean; text: string };
      expect(out.cdnReachable).toBe(false);
      const spec = OCR_SPECS.find((s) => s.id === 'cv-kt-1');
      expect(out.text.normalize('NFC')).toContain(`Số: ${spec?.soKyHieu.split('/')[0] ?? '?'}/`);
      expect(out.text.normalize('NFC')).toContain('Kính gửi');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
