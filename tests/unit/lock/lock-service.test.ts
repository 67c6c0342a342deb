import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../main/services/events/event-bus.ts';
import { createLockService } from '../../../main/services/lock/lock-service.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';

/** The browser shell's case: no system idle time, so the page's last call is the activity. */
function setUp() {
  let now = 0;
  let minutes = 10;
  let logouts = 0;
  const events = createEventBus();
  const changes: unknown[] = [];
  events.subscribe((event, payload) => {
    if (event === 'lock.changed') {
      changes.push(payload);
    }
  });
  const lock = createLockService({
    idleMinutes: () => minutes,
    now: () => now,
    unlock: { check: (password) => Promise.resolve(password === 'đúng') },
    signedIn: () => true,
    closeTokenSessions: () => {
      logouts += 1;
      return Promise.resolve();
    },
    events,
    log: silentLogger,
  });
  return {
    lock,
    changes,
    logouts: () => logouts,
    at: (ms: number) => {
      now = ms;
    },
    setMinutes: (m: number) => {
      minutes = m;
    },
  };
}

describe('the lock service without a system idle time', () => {
  it('counts idle time from the page’s last call and locks past the setting', async () => {
    const t = setUp();
    t.at(9 * 60_000);
    t.lock.touch();
    t.at(18 * 60_000);
    await t.lock.check();
    expect(t.lock.isLocked()).toBe(false);
    t.at(19 * 60_000);
    await t.lock.check();
    expect(t.lock.state()).toEqual({ locked: true, idleMinutes: 10 });
    expect(t.changes).toEqual([{ locked: true, idleMinutes: 10 }]);
    expect(t.logouts()).toBe(1);
  });

  it('never locks by itself at 0 minutes; a wrong password keeps it locked and may be retried', async () => {
    const t = setUp();
    t.setMinutes(0);
    t.at(24 * 3_600_000);
    await t.lock.check();
    expect(t.lock.isLocked()).toBe(false);
    await t.lock.lockNow();
    await expect(t.lock.unlock('sai')).rejects.toMatchObject({ code: 'APP_LOCKED', retryable: true });
    expect(t.lock.isLocked()).toBe(true);
    await expect(t.lock.unlock('đúng')).resolves.toEqual({ locked: false, idleMinutes: 0 });
  });
});
