import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../support/app.ts';

/*
 * Tổng quan, the year's arrangement, replies and Báo cáo through the same handler table as both
 * shells, on a real store worker. fixed-date: the services' clock is injected (Friday 5 March 2027,
 * 10:00 in Hà Nội) and the store worker reads the wall clock only for documents' own dates.
 */
describe('Tổng quan, calendar and reports over IPC', () => {
  it('counts the queues, imports an arrangement from a chosen file (a bad one changes nothing), backs up now and exports a report', async () => {
    const app = openApp({
      prefix: 'vanthu-ipc-work-',
      organization: null,
      // fixed-date: see above.
      clock: () => new Date('2027-03-05T03:00:00Z'),
    });
    const { services, call, profileDir } = app;
    const upload = async (name: string, text: string): Promise<string> => {
      const bytes = Buffer.from(text, 'utf8');
      const begun = await call('files.begin', { purpose: 'lich-nghi', name, size: bytes.byteLength });
      const handle = begun.ok ? (begun.value as { handle: string }).handle : '';
      await call('files.append', { handle, offset: 0, base64: bytes.toString('base64') });
      const finished = await call('files.finish', { handle });
      expect(finished).toMatchObject({ ok: true });
      // The finished file has its own handle (the upload's is gone).
      return finished.ok ? (finished.value as { handle: string }).handle : '';
    };
    try {
      services.settings.update({ organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Tư pháp' } });
      const input = {
        tenLoai: 'Công văn',
        so: '12',
        kyHieu: 'UBND-VP',
        ngayBanHanh: '2026-03-02',
        coQuanBanHanh: 'Ủy ban nhân dân tỉnh',
        trichYeu: 'Về việc khắc phục hậu quả mưa lũ',
        doKhan: 2,
      };
      const added = await call('incoming.add', { input });
      expect(added).toMatchObject({ ok: true, value: { document: { due: { rule: 'trinh', immediate: true } } } });
      const overview = await call('overview.get', {});
      expect(overview).toMatchObject({ ok: true, value: { role: 'van-thu' } });
      const queues = overview.ok ? (overview.value as { queues: { queue: string }[] }).queues : [];
      expect(queues.map((q) => q.queue)).toEqual(['cho-tiep-nhan', 'cho-trinh', 'cho-phat-hanh', 'qua-han']);
      expect(queues[0]).toEqual({
        queue: 'cho-tiep-nhan',
        count: 1,
        list: 'incoming',
        states: ['da-den'],
        overdue: false,
      });

      const bad = await upload('lich.json', JSON.stringify({ year: 2027, reference: '' }));
      expect(await call('calendar.import', { handle: bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await call('calendar.arrangements', {})).toEqual({ ok: true, value: [] });
      const good = await upload(
        'lich-2027.json',
        JSON.stringify([{ year: 2027, reference: 'Thông báo thử', workdays: ['2027-02-20'] }]),
      );
      expect(await call('calendar.import', { handle: good })).toMatchObject({
        ok: true,
        value: [{ arrangement: { year: 2027 }, source: 'import' }],
      });

      expect(await call('backup.create', {})).toMatchObject({ ok: true });
      expect(readdirSync(join(profileDir, 'sao-luu'))).toEqual(['vanthu-20270305T030000.sqlite']);

      const request = { from: '2026-01-01', to: '2027-12-31', department: '' };
      const report = await call('reports.compute', request);
      expect(report).toMatchObject({
        ok: true,
        value: { scope: 'may-tram', received: { total: 1, bySource: [{ key: 'giay', n: 1 }] } },
      });
      const xlsx = await call('reports.exportXlsx', request);
      expect(xlsx).toMatchObject({ ok: true, value: { fileName: 'bao-cao-2026-01-01-2027-12-31.xlsx' } });
      expect(existsSync(join(profileDir, 'bao-cao', 'bao-cao-2026-01-01-2027-12-31.xlsx'))).toBe(true);
      expect(await call('reports.compute', { ...request, from: '2028-01-01' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    } finally {
      await services.store.close();
    }
  });
});
