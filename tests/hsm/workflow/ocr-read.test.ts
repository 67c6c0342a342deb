import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../preload/contract/events.ts';
import { scanOf } from '../../support/ocr/scan.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { FIXTURE_PDF, issuingProfile } from './issuing-support.ts';

const pki = usePki();

describe('ocr.read through the handler table: a scanned paper document read on the workstation (#21)', () => {
  const app = issuingProfile(pki);
  const { call, value, services } = app;
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  it('reads the fields, reports progress k/n for its run, and keeps the text beside the file', async () => {
    const scan = await scanOf(new Uint8Array(readFileSync(FIXTURE_PDF)), 200);
    const handle = await app.upload('pdf', 'Bản quét.pdf', scan.pdf);
    const progress: unknown[] = [];
    const stop = services.events.subscribe((event: EventName, payload) => {
      if (event === 'ocr.progress') {
        progress.push(payload);
      }
    });
    const read = value(await call('ocr.read', { handle, purpose: 'pdf', runId: 'quet-1' }));
    stop();
    expect(read.pages).toBe(1);
    expect(read.metadata.so?.value).toBe('15');
    expect(read.metadata.kyHieu?.value).toBe('QĐ-UBND');
    // fixed-date: the issue date printed in the committed fixture lo-qd-kt-1.pdf.
    expect(read.metadata.ngayBanHanh?.value).toBe('2026-11-22');
    // Scaled by the OCR's confidence: below what the same field from a text layer gets (0.95).
    expect(read.metadata.so?.confidence).toBeLessThan(0.95);
    expect(read.metadata.so?.confidence).toBeGreaterThan(0.6);
    expect(progress).toEqual([
      { runId: 'quet-1', done: 0, total: 1 },
      { runId: 'quet-1', done: 1, total: 1 },
    ]);
    const sha256 = services.files.get(handle, 'pdf').sha256;
    const kept = await services.store.call('texts.get', sha256);
    expect(kept).toMatchObject({ source: 'ocr', pages: 1 });
    expect(kept?.text).toContain('Quyết định này có hiệu lực kể từ ngày ký');
  });

  it('ocr.cancel stops a run: its ocr.read answers OCR_CANCELLED', async () => {
    const scan = await scanOf(new Uint8Array(readFileSync(FIXTURE_PDF)), 200);
    const handle = await app.upload('pdf', 'Bản quét 2.pdf', scan.pdf);
    const pending = call('ocr.read', { handle, purpose: 'pdf', runId: 'quet-2' });
    // The run is registered before the worker starts: cancel right away.
    await new Promise((r) => setTimeout(r, 50));
    expect(value(await call('ocr.cancel', { runId: 'quet-2' }))).toEqual({ cancelled: true });
    const result = await pending;
    expect(result.ok ? '' : result.error.code).toBe('OCR_CANCELLED');
    expect(value(await call('ocr.cancel', { runId: 'quet-2' }))).toEqual({ cancelled: false });
  });
});
