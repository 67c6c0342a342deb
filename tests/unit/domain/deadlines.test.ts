import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../main/domain/calendar/working-days.ts';
import { byPressing, dateDue, dueState, endOfVietnamDay, stepDue } from '../../../main/domain/deadlines.ts';

// fixed-date: the rules are checked at known calendar days (a Friday before a holiday weekend,
// midnight in Hà Nội); nothing here reads the clock.
const at = (iso: string): Date => new Date(iso);
const calendar = new WorkingCalendar();

describe('due times in Vietnam time (S-TN26 Điều 8 k3a, Điều 9 k4a)', () => {
  it('ends a day at 23:59:59.999 in Hà Nội, 16:59:59.999 UTC', () => {
    expect(endOfVietnamDay('2027-03-10').toISOString()).toBe('2027-03-10T16:59:59.999Z');
  });

  it('gives trình until the end of the next working day', () => {
    // Wednesday 10/3/2027 09:00 in Hà Nội → Thursday 11/3.
    expect(stepDue('trinh', at('2027-03-10T02:00:00Z'), 0, calendar).dueAt.toISOString()).toBe(
      '2027-03-11T16:59:59.999Z',
    );
  });

  it('counts a document that arrived at 00:30 on Saturday in Hà Nội (Friday in UTC) from Monday', () => {
    const due = stepDue('trinh', at('2027-03-12T17:30:00Z'), 0, calendar);
    // Its "same day" is Monday 15/3, so the limit is Tuesday 16/3.
    expect(due.dueAt.toISOString()).toBe('2027-03-16T16:59:59.999Z');
    const fridayEvening = stepDue('trinh', at('2027-03-12T16:59:00Z'), 0, calendar);
    expect(fridayEvening.dueAt.toISOString()).toBe('2027-03-15T16:59:59.999Z');
  });

  it('skips the holidays: phát hành sealed on Thursday 29/4/2027 is due Tuesday 4/5', () => {
    expect(stepDue('phat-hanh', at('2027-04-29T03:00:00Z'), 0, calendar).dueAt.toISOString()).toBe(
      '2027-05-04T16:59:59.999Z',
    );
  });

  it('makes urgent documents due at once, late when their working day is over', () => {
    const due = stepDue('trinh', at('2027-03-10T02:00:00Z'), 3, calendar);
    expect(due.immediate).toBe(true);
    expect(dueState(due, at('2027-03-10T09:00:00Z'))).toBe('xu-ly-ngay');
    expect(dueState(due, at('2027-03-10T17:00:00Z'))).toBe('qua-han');
  });

  it('says due today, on time and late at the day boundary of a hạn xử lý', () => {
    const due = dateDue('han-xu-ly', '2027-03-10');
    expect(dueState(due, at('2027-03-09T16:59:59Z'))).toBe('con-han');
    expect(dueState(due, at('2027-03-09T17:00:00Z'))).toBe('den-han-hom-nay');
    expect(dueState(due, at('2027-03-10T16:59:59.999Z'))).toBe('den-han-hom-nay');
    expect(dueState(due, at('2027-03-10T17:00:00Z'))).toBe('qua-han');
  });

  it('sorts late first, then urgent, then due today, then by time', () => {
    const now = at('2027-03-10T03:00:00Z');
    const late = dateDue('han-xu-ly', '2027-03-09');
    const urgent = stepDue('trinh', now, 2, calendar);
    const today = dateDue('han-tra-loi', '2027-03-10');
    const later = dateDue('han-xu-ly', '2027-03-20');
    const soon = dateDue('han-xu-ly', '2027-03-15');
    expect([later, today, soon, urgent, late].sort(byPressing(now))).toEqual([late, urgent, today, soon, later]);
  });
});
