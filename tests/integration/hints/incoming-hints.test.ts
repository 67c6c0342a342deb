import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../main/domain/calendar/working-days.ts';
import { isoOfJdn, jdnOfIso } from '../../../main/domain/calendar/civil-date.ts';
import { vietnamDate } from '../../../main/domain/vietnam-time.ts';
import { anchoredClock, testNow } from '../../support/clock/clock.ts';
import { legacyTypesetting } from '../../support/corpus/legacy-typesetting.ts';
import { QUYET_DINH } from '../../support/corpus/make-document.ts';
import { writeDocument } from '../../support/corpus/write-document.ts';
import { openApp, type TestApp } from '../../support/app.ts';

/** Past documents and whom they went to: the chủ trì suggestion learns from these. */
const PAST = [
  {
    so: '101',
    trichYeu: 'Về việc triển khai chuyển đổi số trong công tác văn thư, lưu trữ',
    chuTri: 'Phòng Văn thư - Lưu trữ',
  },
  {
    so: '102',
    trichYeu: 'Về việc hướng dẫn số hóa tài liệu lưu trữ và chuyển đổi số',
    chuTri: 'Phòng Văn thư - Lưu trữ',
  },
  {
    so: '103',
    trichYeu: 'Về việc tổ chức hội nghị tổng kết công tác thi đua khen thưởng',
    chuTri: 'Phòng Thi đua - Khen thưởng',
  },
  { so: '104', trichYeu: 'Về việc tuyển dụng công chức năm 2027', chuTri: 'Phòng Tổ chức cán bộ' },
];

const viDay = (iso: string): { d: string; m: string; y: string } => ({
  d: iso.slice(8, 10),
  m: iso.slice(5, 7),
  y: iso.slice(0, 4),
});

describe('the incoming document page: summary, proposed hạn xử lý, chủ trì suggestion (#21 point 5)', () => {
  let app: TestApp;
  const asRole = (role: 'van-thu' | 'lanh-dao') => app.asRole(role);

  beforeEach(async () => {
    app = openApp({
      prefix: 'vanthu-hints-',
      organization: { maDinhDanh: '000.00.12.H55', name: 'Sở Nội vụ tỉnh Bắc Ninh' },
      clock: anchoredClock(),
    });
    for (const past of PAST) {
      await asRole('van-thu');
      const { document } = await app.value('incoming.add', {
        input: {
          tenLoai: 'Công văn',
          so: past.so,
          kyHieu: 'UBND-VP',
          ngayBanHanh: vietnamDate(testNow()),
          coQuanBanHanh: 'Ủy ban nhân dân tỉnh',
          trichYeu: past.trichYeu,
          source: 'email',
        },
      });
      await app.value('incoming.transition', { id: document.id, to: 'da-tiep-nhan' });
      await app.value('incoming.transition', { id: document.id, to: 'da-trinh' });
      await asRole('lanh-dao');
      await app.value('incoming.assign', { id: document.id, assignment: { chuTri: past.chuTri } });
    }
  });
  afterEach(async () => {
    await app.services.store.close();
  });

  /** A Quyết định whose Điều set two limits, dated from the run's anchor. */
  async function register(encoding?: 'tcvn3'): Promise<{ id: string; ngayDen: string; fixed: string }> {
    const ngayDen = vietnamDate(testNow());
    const fixed = isoOfJdn(jdnOfIso(ngayDen) + 40);
    const { d, m, y } = viDay(fixed);
    const spec = {
      ...QUYET_DINH,
      trichYeu: 'Về việc đẩy mạnh chuyển đổi số trong công tác văn thư năm 2027',
      paragraphs: [
        'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
        'Điều 1. Phê duyệt kế hoạch chuyển đổi số trong công tác văn thư năm 2027 kèm theo Quyết định này.',
        `Điều 2. Các sở, ngành báo cáo kết quả trước ngày ${d} tháng ${m} năm ${y}. Sở Nội vụ tổng hợp trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản này.`,
        'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
      ],
    };
    const doc = await writeDocument(spec, encoding === undefined ? undefined : legacyTypesetting(encoding));
    await asRole('van-thu');
    const chosen = app.services.files.accept('pdf', 'qd.pdf', doc.bytes);
    const { document } = await app.value('incoming.add', {
      input: {
        tenLoai: 'Quyết định',
        so: '15',
        kyHieu: 'QĐ-UBND',
        ngayBanHanh: ngayDen,
        coQuanBanHanh: 'Ủy ban nhân dân tỉnh Bắc Ninh',
        trichYeu: spec.trichYeu,
        source: 'email',
      },
      file: chosen.handle,
    });
    return { id: document.id, ngayDen: document.ngayDen, fixed };
  }

  for (const encoding of [undefined, 'tcvn3'] as const) {
    it(`lists the Điều, the limits on the working-day calendar and the chủ trì of similar documents${encoding === undefined ? '' : ` (typed in ${encoding})`}`, async () => {
      const { id, ngayDen, fixed } = await register(encoding);
      const hints = await app.value('hints.incoming', { id });
      const calendar = new WorkingCalendar();

      expect(hints.hasText).toBe(true);
      expect(hints.encoding).toBe(encoding ?? null);
      expect(hints.dieu.map((h) => h.so)).toEqual([1, 2, 3]);
      expect(hints.dieu[0]?.text).toBe(
        'Phê duyệt kế hoạch chuyển đổi số trong công tác văn thư năm 2027 kèm theo Quyết định này.',
      );

      // "trước ngày X": the working day before X; "10 ngày làm việc": counted on the calendar, not 10 days.
      let before = jdnOfIso(fixed) - 1;
      while (!calendar.isWorkingDay(isoOfJdn(before))) {
        before -= 1;
      }
      const tenWorking = calendar.addWorkingDays(ngayDen, 10);
      expect(hints.deadlines.map((m) => [m.kind, m.date])).toEqual([
        ['ngay-co-dinh', isoOfJdn(before)],
        ['so-ngay-lam-viec', tenWorking],
      ]);
      // Ten working days always span at least one weekend: at least 12 calendar days.
      expect(jdnOfIso(tenWorking) - jdnOfIso(ngayDen)).toBeGreaterThanOrEqual(12);
      expect(hints.proposedHanXuLy?.date).toBe(tenWorking);
      expect(hints.proposedHanXuLy?.explanation).toContain('10 ngày làm việc');

      // Two past documents about chuyển đổi số / văn thư went to the records office.
      expect(hints.chuTri[0]?.chuTri).toBe('Phòng Văn thư - Lưu trữ');
      expect(hints.chuTri[0]?.because.map((b) => b.soKyHieu).sort()).toEqual(['101/UBND-VP', '102/UBND-VP']);
      expect(hints.chuTri[0]?.confidence).toBeGreaterThan(0.5);
      expect(hints.chuTri.map((c) => c.chuTri)).not.toContain('Phòng Tổ chức cán bộ');
    });
  }

  it('a document nobody assigned anything like gets no chủ trì suggestion, and a paper one without a file no summary', async () => {
    await asRole('van-thu');
    const { document } = await app.value('incoming.add', {
      input: {
        tenLoai: 'Giấy mời',
        so: '7',
        kyHieu: 'GM-HND',
        ngayBanHanh: vietnamDate(testNow()),
        coQuanBanHanh: 'Hội Nông dân tỉnh',
        trichYeu: 'Mời dự lễ kỷ niệm ngày thành lập Hội',
        source: 'giay',
      },
    });
    const hints = await app.value('hints.incoming', { id: document.id });
    expect(hints).toMatchObject({ hasText: false, dieu: [], deadlines: [], proposedHanXuLy: null, chuTri: [] });
  });
});
