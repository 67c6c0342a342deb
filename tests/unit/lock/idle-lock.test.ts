import { describe, expect, it } from 'vitest';
import { createIdleLock, type Timer } from '../../../main/services/lock/idle-lock.ts';

/** A manual timer: time moves only when the test says so. */
function manualTimer(): Timer & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    after(ms, fn) {
      const entry = { at: now + ms, fn };
      timers.push(entry);
      return () => {
        timers = timers.filter((t) => t !== entry);
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (next === undefined) {
          break;
        }
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

function setUp(idleMs = 5 * 60_000) {
  const timer = manualTimer();
  const log: string[] = [];
  const lock = createIdleLock({
    idleMs: () => idleMs,
    timer,
    effects: {
      hideContent: () => log.push('hide'),
      showContent: () => log.push('show'),
      logoutTokenSessions: async () => {
        log.push('logout');
      },
    },
    unlock: { check: async (password) => password === 'mật khẩu đúng' },
  });
  return { timer, log, lock };
}

describe('the idle lock', () => {
  it('locks after the idle time, hiding the content and logging token sessions out', async () => {
    const { timer, log, lock } = setUp();
    timer.advance(4 * 60_000);
    lock.activity();
    timer.advance(4 * 60_000);
    expect(lock.isLocked()).toBe(false);
    timer.advance(60_000 + 1);
    await Promise.resolve();
    expect(lock.isLocked()).toBe(true);
    expect(log).toEqual(['hide', 'logout']);
  });

  it('stays locked on a wrong password or on activity, and unlocks with the right one', async () => {
    const { timer, log, lock } = setUp();
    await lock.lock();
    lock.activity();
    expect(await lock.unlock('123456')).toBe(false);
    expect(lock.isLocked()).toBe(true);
    expect(await lock.unlock('mật khẩu đúng')).toBe(true);
    expect(lock.isLocked()).toBe(false);
    expect(log).toEqual(['hide', 'logout', 'show']);
    // The countdown starts again from the unlock.
    timer.advance(5 * 60_000);
    expect(lock.isLocked()).toBe(true);
  });

  it('never locks when the idle time is 0', () => {
    const { timer, lock } = setUp(0);
    timer.advance(24 * 3_600_000);
    expect(lock.isLocked()).toBe(false);
  });
});
