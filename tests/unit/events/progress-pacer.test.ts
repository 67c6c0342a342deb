import { describe, expect, it } from 'vitest';
import { pacedProgress, type PacerTimer } from '../../../main/services/events/progress-pacer.ts';

/** A clock moved by hand; timers run when it passes them. */
function handClock(): PacerTimer & { advance(ms: number): void } {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => now,
    after(fn, ms) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) {
        t.fn();
      }
    },
  };
}

/** A pacer over a hand clock, and what it showed. */
function paced(intervalMs = 100) {
  const clock = handClock();
  const shown: number[] = [];
  const pacer = pacedProgress((n: number) => shown.push(n), intervalMs, clock);
  return { clock, shown, pacer };
}

describe('a batch’s progress, paced', () => {
  it('shows the first state at once and collapses a burst into its newest state, at the interval’s end', () => {
    const { clock, shown, pacer } = paced();
    pacer.report(0);
    clock.advance(5);
    pacer.report(1);
    clock.advance(5);
    pacer.report(2);
    expect(shown).toEqual([0]);
    clock.advance(89);
    expect(shown).toEqual([0]);
    clock.advance(1);
    expect(shown).toEqual([0, 2]);
  });

  it('shows a document that starts after a quiet interval at once', () => {
    const { clock, shown, pacer } = paced();
    pacer.report(0);
    clock.advance(250);
    pacer.report(1);
    expect(shown).toEqual([0, 1]);
  });

  it('shows a slow document even when nothing follows it (it is not left behind its predecessor)', () => {
    const { clock, shown, pacer } = paced();
    pacer.report(0);
    clock.advance(10);
    pacer.report(1); // then the token takes ten seconds over this one
    clock.advance(10_000);
    expect(shown).toEqual([0, 1]);
  });

  it('always shows the end, once, and nothing after it (a pending state is dropped)', () => {
    const { clock, shown, pacer } = paced();
    pacer.report(0);
    clock.advance(10);
    pacer.report(1);
    pacer.finish(99);
    pacer.report(2);
    clock.advance(1_000);
    expect(shown).toEqual([0, 99]);
  });

  it('stopped (the batch failed as a whole), shows nothing more: not the state waiting for its interval', () => {
    const { clock, shown, pacer } = paced();
    pacer.report(0);
    clock.advance(10);
    pacer.report(1);
    pacer.stop();
    pacer.report(2);
    clock.advance(1_000);
    expect(shown).toEqual([0]);
  });

  it('with an interval of 0 shows every state', () => {
    const { shown, pacer } = paced(0);
    for (const n of [0, 1, 2]) {
      pacer.report(n);
    }
    pacer.finish(3);
    expect(shown).toEqual([0, 1, 2, 3]);
  });
});
