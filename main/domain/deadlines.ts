import type { IsoDate } from './calendar/civil-date.ts';
import type { WorkingCalendar } from './calendar/working-days.ts';
import { vietnamDate } from './vietnam-time.ts';

/**
 * When a step on a document is due, by the rules the văn thư and leaders are held to. Every day
 * is a day in Vietnam (UTC+7) and every limit runs to the end of that day, because the rules speak
 * in days ("trong ngày, chậm nhất là ngày làm việc tiếp theo"), not in office hours.
 */
export type DueRule =
  /** Trình an incoming document: the day it arrived, at the latest the next working day. */
  | 'trinh'
  /** Phát hành after sealing: the same day, at the latest the next working day. */
  | 'phat-hanh'
  /** The processing deadline a leader set when assigning it. */
  | 'han-xu-ly'
  /** The date by which the recipients of an outgoing document must answer. */
  | 'han-tra-loi';

/*
 * The sources of the due rules: trình S-TN26 Điều 8 k3a (khẩn: S-BG20 Điều 9 k3); phát hành S-TN26
 * Điều 9 k4a, S-BG20 Điều 4 k3đ; hạn xử lý S-BG20 Điều 9 k2–3, S-SL25 Điều 12 k2d; hạn trả lời
 * S-BG20 Điều 18 k3.
 */

export interface Due {
  readonly rule: DueRule;
  /** The last instant the step is on time. */
  readonly dueAt: Date;
  /** Urgent documents (độ khẩn ≥ Khẩn) are due at once: shown as "xử lý ngay" until then. */
  readonly immediate: boolean;
}

export type DueState = 'con-han' | 'den-han-hom-nay' | 'xu-ly-ngay' | 'qua-han';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The last millisecond of a day in Vietnam. */
export function endOfVietnamDay(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - VIETNAM_OFFSET_MS - 1);
}

/**
 * "The same working day, at the latest the next one", counted from the moment a document
 * arrived or was sealed: one arriving on a Saturday or a holiday is due at the end of the second
 * working day after it, since its "same day" is the first working day.
 */
function sameOrNextWorkingDay(at: Date, calendar: WorkingCalendar): IsoDate {
  return calendar.nextWorkingDay(calendar.workingDayOnOrAfter(vietnamDate(at)));
}

/** Whether độ khẩn (0 Thường … 4 Hỏa tốc hẹn giờ) asks for the step at once. */
export function isUrgent(doKhan: number): boolean {
  return doKhan >= 1;
}

/** The trình or phát hành limit of a document that arrived (or was sealed) at `at`. */
export function stepDue(rule: 'trinh' | 'phat-hanh', at: Date, doKhan: number, calendar: WorkingCalendar): Due {
  if (isUrgent(doKhan)) {
    // "Ngay": late once the working day it arrived on has ended.
    return { rule, dueAt: endOfVietnamDay(calendar.workingDayOnOrAfter(vietnamDate(at))), immediate: true };
  }
  return { rule, dueAt: endOfVietnamDay(sameOrNextWorkingDay(at, calendar)), immediate: false };
}

/** A limit given as a date (hạn xử lý, hạn trả lời) runs to the end of that day. */
export function dateDue(rule: 'han-xu-ly' | 'han-tra-loi', date: IsoDate): Due {
  return { rule, dueAt: endOfVietnamDay(date), immediate: false };
}

export function dueState(due: Due, now: Date): DueState {
  if (now.getTime() > due.dueAt.getTime()) {
    return 'qua-han';
  }
  if (due.immediate) {
    return 'xu-ly-ngay';
  }
  return vietnamDate(now) === vietnamDate(due.dueAt) ? 'den-han-hom-nay' : 'con-han';
}

/** Lists put the most pressing first: late, then at once, then due today, then by due time. */
export function byPressing(now: Date): (a: Due, b: Due) => number {
  const rank: Record<DueState, number> = { 'qua-han': 0, 'xu-ly-ngay': 1, 'den-han-hom-nay': 2, 'con-han': 3 };
  return (a, b) => rank[dueState(a, now)] - rank[dueState(b, now)] || a.dueAt.getTime() - b.dueAt.getTime();
}
