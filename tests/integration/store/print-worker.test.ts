import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { printRegisterInWorker } from '../../../main/services/registers/print-in-worker.ts';
import { loadPrintableRegister } from '../../../main/services/store/register-rows.ts';
import { openApp } from '../../support/app.ts';
import { incoming, openLease, openTestStore } from './helpers.ts';

const ROWS = 120;

describe('register printing off the main thread', () => {
  it('lays a long register out in a worker thread, reporting progress page by page', async () => {
    const { store, db, dir } = openTestStore();
    const registerId = openLease(store);
    for (let i = 1; i <= ROWS; i += 1) {
      store.addIncoming(incoming({ so: String(i), trichYeu: `Về việc đôn đốc báo cáo lần thứ ${i}` }));
    }
    const register = store.context.registers.get(registerId);
    if (register === undefined) {
      throw new Error('register missing');
    }
    const printable = loadPrintableRegister(db, register);
    const progress: [number, number][] = [];
    const printed = await printRegisterInWorker(printable, (done, total) => progress.push([done, total]));
    expect(printed.threadId).not.toBe(threadId);
    // One report per finished page, then the end; never backwards.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual([ROWS, ROWS]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(progress.every(([, total]) => total === ROWS)).toBe(true);

    const out = join(dir, 'so-den.pdf');
    writeFileSync(out, printed.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(progress.length + 1); // the cover, then one report per table page
    expect(execFileSync('pdftotext', ['-f', String(pages), out, '-'], { encoding: 'utf8' })).toContain(
      `lần thứ ${ROWS}`,
    );
  });

  it('sends registers.printProgress events through the IPC handler', async () => {
    const app = openApp({
      prefix: 'vanthu-print-ipc-',
      organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp' },
    });
    const { services } = app;
    const events: unknown[] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'registers.printProgress') {
        events.push(payload);
      }
    });
    try {
      for (let i = 1; i <= 3; i += 1) {
        await services.store.call('incoming.add', incoming({ so: String(i) }));
      }
      const year = (await services.store.call('registers.list'))[0]?.year ?? 0;
      const result = await app.call('registers.print', { kind: 'den', year });
      // No save dialog in the browser shell: the bytes come back for the page to download.
      expect(result).toMatchObject({ ok: true, value: { rows: 3, fileName: `so-den-${year}.pdf`, savedAs: null } });
      expect(events.at(-1)).toEqual({ fileName: `so-den-${year}.pdf`, done: 3, total: 3 });
    } finally {
      await services.store.close();
    }
  });
});
