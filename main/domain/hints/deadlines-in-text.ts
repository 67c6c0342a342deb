import { isoOfJdn, jdnOfIso, type IsoDate } from '../calendar/civil-date.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';

/**
 * The dates and time limits a document sets ("trước ngày 15 tháng 12 năm 2026", "trong thời hạn
 * 10 ngày làm việc kể từ ngày nhận"), each turned into a proposed hạn xử lý with the reasoning
 * written out, so the leader can see why a date is proposed before taking it.
 */
export interface DeadlineMention {
  /** The sentence (or its part) that sets the limit, as printed. */
  readonly text: string;
  readonly kind: 'ngay-co-dinh' | 'so-ngay' | 'so-ngay-lam-viec';
  /** For a period: how many days; for a fixed date: undefined. */
  readonly days?: number;
  /** What the period counts from: the day it was received, or the document's own date. */
  readonly basis?: 'ngay-den' | 'ngay-ban-hanh';
  /** The last day the work is on time. */
  readonly date: IsoDate;
  /** Vietnamese: how the date was reached. */
  readonly explanation: string;
}

export interface DeadlineContext {
  /** Ngày đến: "kể từ ngày nhận" counts from it, and a date without a year is read near it. */
  readonly ngayDen: IsoDate;
  /** Ngày ban hành, if known: "kể từ ngày ký/ban hành". */
  readonly ngayBanHanh?: IsoDate;
  readonly calendar: WorkingCalendar;
}

const viDate = (iso: IsoDate): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const iso = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** "trước ngày 15 tháng 12 năm 2026", "chậm nhất ngày 15/12/2026", "trước ngày 15 tháng 12". */
const FIXED =
  /(trước|chậm nhất(?: là)?(?: vào)?|hạn chót(?: là)?|không muộn hơn|đến hết)\s+ngày\s+(\d{1,2})\s*(?:tháng\s*|\/|-)\s*(\d{1,2})(?:\s*(?:năm\s*|\/|-)\s*(\d{4}))?/giu;
/** "trong thời hạn 10 ngày làm việc kể từ ngày nhận", "chậm nhất 05 ngày sau khi …", "trong vòng 7 ngày". */
const PERIOD =
  /(trong (?:thời hạn|vòng|thời gian)|chậm nhất(?: là)?(?: sau)?|không quá)\s+(\d{1,3})\s+ngày(\s+làm\s+việc)?([^.;\n]{0,80})/giu;
const FROM_ISSUE = /kể từ ngày\s+(ký|ban hành|văn bản này có hiệu lực|quyết định này có hiệu lực)/iu;

function previousWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let jdn = jdnOfIso(date) - 1;
  while (!calendar.isWorkingDay(isoOfJdn(jdn))) {
    jdn -= 1;
  }
  return isoOfJdn(jdn);
}

/** The sentence around a match, trimmed to something a panel can show. */
function sentenceAt(text: string, index: number, length: number): string {
  const start = Math.max(
    text.lastIndexOf('.', index) + 1,
    text.lastIndexOf(';', index) + 1,
    text.lastIndexOf('\n', index) + 1,
  );
  const ends = ['.', ';', '\n'].map((c) => text.indexOf(c, index + length)).filter((i) => i >= 0);
  const end = ends.length === 0 ? text.length : Math.min(...ends);
  const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return sentence.length > 220 ? `${sentence.slice(0, 217)}…` : sentence;
}

/** Every limit the text sets, in the order printed. */
export function findDeadlines(text: string, ctx: DeadlineContext): DeadlineMention[] {
  const found: Array<DeadlineMention & { at: number }> = [];
  for (const m of text.matchAll(FIXED)) {
    const [whole, word = '', d = '', mo = '', y] = m;
    const day = Number(d);
    const month = Number(mo);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      continue;
    }
    // Without a year the date is the next one on or after the day it arrived.
    const arrived = Number(ctx.ngayDen.slice(0, 4));
    let year = y === undefined ? arrived : Number(y);
    if (y === undefined && iso(year, month, day) < ctx.ngayDen) {
      year += 1;
    }
    const named = iso(year, month, day);
    if (isoOfJdn(jdnOfIso(named)) !== named) {
      continue; // 31 tháng 11 and the like
    }
    const before = /^trước$/iu.test(word);
    // "Trước ngày 15" leaves the 15th out: the work is due by the last working day before it.
    const date = before ? previousWorkingDay(named, ctx.calendar) : named;
    found.push({
      at: m.index,
      text: sentenceAt(text, m.index, whole.length),
      kind: 'ngay-co-dinh',
      date,
      explanation: before
        ? `"${whole}": ngày làm việc cuối cùng trước ${viDate(named)} là ${viDate(date)}.`
        : `"${whole}": hạn là ngày ${viDate(date)}.`,
    });
  }
  for (const m of text.matchAll(PERIOD)) {
    const [whole, , n = '', working, rest = ''] = m;
    const days = Number(n);
    if (days < 1 || days > 365) {
      continue;
    }
    const issue = FROM_ISSUE.test(rest) && ctx.ngayBanHanh !== undefined;
    const from = issue ? (ctx.ngayBanHanh as IsoDate) : ctx.ngayDen;
    const basisText = issue ? `ngày ban hành ${viDate(from)}` : `ngày đến ${viDate(from)}`;
    let date: IsoDate;
    let explanation: string;
    if (working !== undefined) {
      date = ctx.calendar.addWorkingDays(from, days);
      explanation = `${days} ngày làm việc kể từ ${basisText} (không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ): ${viDate(date)}.`;
    } else {
      const end = isoOfJdn(jdnOfIso(from) + days);
      // A period ending on a day off ends on the next working day (Bộ luật Dân sự 2015, Điều 148 k5).
      date = ctx.calendar.workingDayOnOrAfter(end);
      explanation =
        date === end
          ? `${days} ngày kể từ ${basisText}: ${viDate(date)}.`
          : `${days} ngày kể từ ${basisText} là ${viDate(end)}, ngày nghỉ, nên hạn là ngày làm việc tiếp theo ${viDate(date)}.`;
    }
    found.push({
      at: m.index,
      text: sentenceAt(text, m.index, whole.length),
      kind: working !== undefined ? 'so-ngay-lam-viec' : 'so-ngay',
      days,
      basis: issue ? 'ngay-ban-hanh' : 'ngay-den',
      date,
      explanation,
    });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...mention }) => mention);
}

/** The hạn xử lý to propose: the earliest limit not already past on arrival. */
export function proposedHanXuLy(mentions: readonly DeadlineMention[], ngayDen: IsoDate): DeadlineMention | null {
  const open = mentions
    .filter((m) => m.date >= ngayDen)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return open[0] ?? null;
}
