import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { exportReportXlsx, printReportInWorker } from '../../../main/services/reports/report-files.ts';
import { computeReport } from '../../../main/services/store/report-query.ts';
import { incoming, openLease, openTestStore, tempDir } from '../store/helpers.ts';

/*
 * Báo cáo from a real store: the workbook is opened by LibreOffice (not by the library that wrote
 * it) and its totals are compared with a plain SQL count; the printed PDF is rendered by poppler.
 * fixed-date: the documents are dated in 2027 by the store's own injected clock; nothing expires.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
/** soffice without Calc (Writer only) cannot open a spreadsheet: setup.sh installs libreoffice-calc-nogui. */
const CALC = existsSync('/usr/lib/libreoffice/program/libsclo.so');

const draft = OutgoingInputSchema.parse({
  tenLoai: 'Công văn',
  kyHieu: 'STP-VP',
  trichYeu: 'Đề nghị báo cáo tình hình',
  coQuanBanHanh: 'Sở Tư pháp',
  nguoiKy: 'Lê Văn Đông',
  chucVu: 'Giám đốc',
  recipients: [{ maDinhDanh: '000.00.00.H55', ten: 'UBND tỉnh Thái Nguyên' }],
});

function seededStore() {
  // fixed-date: Monday 8 March 2027, 09:00 in Hà Nội.
  const opened = openTestStore({ now: new Date('2027-03-08T02:00:00Z') });
  const { store, db } = opened;
  openLease(store, 2027);
  const types = ['Quyết định', 'Công văn', 'Công văn', 'Tờ trình', 'Công văn'];
  const sources = ['truc', 'giay', 'truc', 'email', 'truc'] as const;
  types.forEach((tenLoai, i) => store.addIncoming(incoming({ so: String(i + 1), tenLoai, source: sources[i] })));
  // One finished late, one on time (the store's triggers record it).
  const ids = db.prepare(`SELECT id FROM incoming_documents ORDER BY doc_no`).pluck().all() as string[];
  for (const id of ids.slice(0, 2)) {
    for (const to of ['da-tiep-nhan', 'da-trinh', 'phan-cong', 'dang-xu-ly', 'hoan-thanh'] as const) {
      store.transitionIncoming(id, to);
    }
  }
  for (const tenLoai of ['Công văn', 'Quyết định', 'Công văn']) {
    const out = store.createOutgoing({ ...draft, tenLoai });
    db.prepare(
      `UPDATE outgoing_documents SET state = 'da-dong-dau', so = ?, ngay_ban_hanh = '2027-03-08', updated_at = ? WHERE id = ?`,
    ).run(Math.floor(Math.random() * 1e6), store.context.clock().toISOString(), out.id);
    db.prepare(`UPDATE outgoing_documents SET state = 'da-phat-hanh', updated_at = ? WHERE id = ?`).run(
      store.context.clock().toISOString(),
      out.id,
    );
  }
  return opened;
}

describe('Báo cáo', () => {
  it.skipIf(SOFFICE === undefined || !CALC)(
    `the XLSX opens in LibreOffice Calc and its totals equal a direct SQL count${SOFFICE === undefined || !CALC ? ' — SKIPPED: LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui, as scripts/setup.sh does)' : ''}`,
    async () => {
      const { store, db } = seededStore();
      const request = { from: '2027-01-01', to: '2027-12-31', department: '' };
      const report = computeReport(store.context, request);
      const dir = tempDir('vanthu-report-');
      const saved = await exportReportXlsx(dir, report);
      const xlsx = join(dir, 'bao-cao', saved.fileName);
      const out = join(dir, 'csv');
      // Every sheet to its own CSV (UTF-8, comma): the filter's last token -1 asks for all sheets.
      execFileSync(
        SOFFICE ?? 'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          out,
          xlsx,
        ],
        // The sheets' CSV files are named after them ("Tổng hợp"): LibreOffice writes no such name
        // under the C locale a fresh machine (or a CI chroot) starts in, so it gets a UTF-8 one.
        { stdio: 'pipe', timeout: 120_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      );
      const sheets = readdirSync(out).sort();
      const csv = (suffix: string): string[][] => {
        const name = sheets.find((s) => s.includes(suffix));
        expect(name, `${suffix} in ${sheets.join(', ')}`).toBeDefined();
        return readFileSync(join(out, name ?? ''), 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
      };
      const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
      const received = count(
        `SELECT count(*) FROM incoming_documents WHERE ngay_den BETWEEN '2027-01-01' AND '2027-12-31'`,
      );
      const issued = count(
        `SELECT count(*) FROM outgoing_documents WHERE state IN ('da-phat-hanh', 'da-thu-hoi') AND ngay_ban_hanh BETWEEN '2027-01-01' AND '2027-12-31'`,
      );
      expect([received, issued]).toEqual([5, 3]);
      const summary = csv('Tổng hợp');
      expect(summary.find((row) => row[0] === 'Văn bản đến')?.[1]).toBe(String(received));
      expect(summary.find((row) => row[0] === 'Văn bản đi đã phát hành')?.[1]).toBe(String(issued));
      // The SUM total LibreOffice computes (it recalculates on load) equals SQL's GROUP BY total.
      const byType = csv('Đến theo loại');
      expect(byType.at(-1)).toEqual(['Tổng cộng', String(received)]);
      const groups = db
        .prepare(`SELECT ten_loai, count(*) AS n FROM incoming_documents GROUP BY ten_loai ORDER BY n DESC, ten_loai`)
        .all() as { ten_loai: string; n: number }[];
      expect(byType.slice(1, -1)).toEqual(groups.map((g) => [g.ten_loai, String(g.n)]));
      expect(csv('Đến theo nguồn').at(-1)).toEqual(['Tổng cộng', String(received)]);
      expect(csv('Đi theo loại').at(-1)).toEqual(['Tổng cộng', String(issued)]);
    },
    180_000,
  );

  it('the printed report is laid out in a worker and renders with poppler', async () => {
    const { store } = seededStore();
    const report = computeReport(store.context, { from: '2027-01-01', to: '2027-12-31', department: '' });
    expect(report.received).toMatchObject({ total: 5, electronic: 4, done: 2 });
    const pdf = await printReportInWorker(report, 'Sở Tư pháp tỉnh Thái Nguyên');
    const dir = tempDir('vanthu-report-pdf-');
    const file = join(dir, 'bao-cao.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('BÁO CÁO TÌNH HÌNH TIẾP NHẬN, XỬ LÝ VÀ BAN HÀNH VĂN BẢN');
    expect(text).toContain('Từ ngày 01/01/2027 đến ngày 31/12/2027');
    expect(text).toContain('toàn cơ quan');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    // Kept for a look by eye (docs/screenshots/bao-cao.png is the committed copy).
    mkdirSync('tests/artifacts/reports', { recursive: true });
    copyFileSync(join(dir, png ?? ''), 'tests/artifacts/reports/bao-cao.png');
  });
});
