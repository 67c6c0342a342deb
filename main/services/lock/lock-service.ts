import { VanthuError, type LockState } from '../../../preload/contract/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import { createIdleLock, type UnlockCheck } from './idle-lock.ts';

/** Seconds the person has not used the machine (Electron: the system's; elsewhere: since the page's last call). */
export type IdleSeconds = () => number;

export interface LockServiceDeps {
  /** `settings.lock.idleMinutes`, read at every look (a change applies at once); 0 = never. */
  readonly idleMinutes: () => number;
  /** Electron's system idle time; absent, the seconds since the page's last call (`touch`). */
  readonly idleSeconds?: IdleSeconds;
  /** Milliseconds now, for the page's last call (the wall clock unless a test fixes it). */
  readonly now?: () => number;
  readonly unlock: UnlockCheck;
  /** Someone is signed in: with nobody, there is no password to unlock with, so nothing locks. */
  readonly signedIn: () => boolean;
  /** Logs every token session out (the signing service's open sessions). */
  readonly closeTokenSessions: () => Promise<void>;
  readonly events: EventBus;
  readonly log: Logger;
}

export interface LockService {
  state(): LockState;
  isLocked(): boolean;
  /** The page called main (not a lock channel): activity, for shells without a system idle time. */
  touch(): void;
  /** Lock now, whatever the idle time (only while someone is signed in). */
  lockNow(): Promise<LockState>;
  /** Unlock with the sign-in password; a wrong one throws APP_LOCKED (retryable) and stays locked. */
  unlock(password: string): Promise<LockState>;
  /** Compare the idle time with the setting once; the background timer calls it. */
  check(): Promise<void>;
  /** Look every `pollMs` until the returned stop is called (started with the background). */
  start(pollMs?: number): () => void;
}

const DEFAULT_POLL_MS = 5_000;

/**
 * The idle lock of issue #19 wired to the app: the rule (idle-lock.ts) decides what locking and
 * unlocking mean; this service reads the idle time from the shell's port, because the system's
 * own idle counter (keyboard and mouse anywhere) is the truth, not a countdown kept here. So the
 * rule's own countdown is left off and each look decides.
 */
export function createLockService(deps: LockServiceDeps): LockService {
  const now = deps.now ?? (() => Date.now());
  let lastCall = now();
  const idleSeconds = deps.idleSeconds ?? (() => (now() - lastCall) / 1000);
  const state = (): LockState => ({ locked: rule.isLocked(), idleMinutes: deps.idleMinutes() });
  const rule = createIdleLock({
    idleMs: () => 0,
    timer: { after: () => () => undefined, now: () => 0 },
    // The renderer hides everything on `lock.changed`; main's side of hiding is refusing IPC.
    effects: {
      hideContent: () => undefined,
      showContent: () => undefined,
      logoutTokenSessions: deps.closeTokenSessions,
    },
    unlock: deps.unlock,
    onChange: (locked) => {
      deps.log.info(locked ? 'lock.locked' : 'lock.unlocked', {});
      deps.events.emit('lock.changed', state());
    },
  });

  const check = async (): Promise<void> => {
    const minutes = deps.idleMinutes();
    if (minutes > 0 && !rule.isLocked() && deps.signedIn() && idleSeconds() >= minutes * 60) {
      await rule.lock();
    }
  };

  return {
    state,
    isLocked: () => rule.isLocked(),
    touch() {
      lastCall = now();
    },
    async lockNow() {
      if (deps.signedIn()) {
        await rule.lock();
      }
      return state();
    },
    async unlock(password) {
      if (!(await rule.unlock(password))) {
        throw new VanthuError(
          'APP_LOCKED',
          'Mật khẩu không đúng, màn hình vẫn khóa. Hãy nhập lại mật khẩu đăng nhập.',
          {
            retryable: true,
            details: { reason: 'wrong-password' },
          },
        );
      }
      return state();
    },
    check,
    start(pollMs = DEFAULT_POLL_MS) {
      const interval = setInterval(() => {
        void check().catch((error: unknown) => deps.log.error('lock.check_failed', { error }));
      }, pollMs);
      interval.unref();
      return () => clearInterval(interval);
    },
  };
}
