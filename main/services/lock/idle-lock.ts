/**
 * The window locks itself after a configurable idle time (issue #19): the content is hidden and
 * the token sessions are logged out, so a laptop left open shows nothing and signs nothing.
 * Unlocking asks for the person's password, checked by the offline verifier of sign-in (never
 * the token PIN: a PIN typed into a lock screen would teach people to type it anywhere).
 *
 * This is the rule only; the shell supplies activity (input events, or Electron's
 * `powerMonitor.getSystemIdleTime()`), the timer, and what locking means for the window.
 */

/** Checks the signed-in person's password (people/password-verifier.ts through the people store). */
export interface UnlockCheck {
  check(password: string): Promise<boolean>;
}

/** What locking does: hide the content; log every token session out. */
export interface LockEffects {
  hideContent(): void;
  showContent(): void;
  logoutTokenSessions(): Promise<void>;
}

export interface Timer {
  /** Run `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  now(): number;
}

export interface IdleLockOptions {
  /** The idle time before locking, read at each arming (a settings change applies at once); 0 = never. */
  readonly idleMs: () => number;
  readonly timer: Timer;
  readonly effects: LockEffects;
  readonly unlock: UnlockCheck;
  /** Told of each lock and unlock (the IPC layer forwards it to the renderer). */
  readonly onChange?: (locked: boolean) => void;
}

export interface IdleLock {
  /** A person did something: the idle countdown starts again (ignored while locked). */
  activity(): void;
  /** Lock now (the person chose "Khóa màn hình", or the machine is about to sleep). */
  lock(): Promise<void>;
  /** Unlock with the password; false (and still locked) when it does not match. */
  unlock(password: string): Promise<boolean>;
  isLocked(): boolean;
  stop(): void;
}

export function createIdleLock(options: IdleLockOptions): IdleLock {
  let locked = false;
  let cancel: (() => void) | null = null;
  let lastActivity = options.timer.now();

  const arm = (): void => {
    cancel?.();
    cancel = null;
    const idleMs = options.idleMs();
    if (locked || idleMs <= 0) {
      return;
    }
    const due = lastActivity + idleMs - options.timer.now();
    cancel = options.timer.after(Math.max(0, due), () => {
      // Activity may have come in while the timer waited: re-arm from the latest instead.
      if (options.timer.now() - lastActivity >= options.idleMs()) {
        void lock();
      } else {
        arm();
      }
    });
  };

  const lock = async (): Promise<void> => {
    if (locked) {
      return;
    }
    locked = true;
    cancel?.();
    cancel = null;
    // Hidden first: the content must be gone even if a token driver is slow to log out.
    options.effects.hideContent();
    options.onChange?.(true);
    await options.effects.logoutTokenSessions();
  };

  arm();
  return {
    activity() {
      if (locked) {
        return;
      }
      lastActivity = options.timer.now();
      arm();
    },
    lock,
    async unlock(password) {
      if (!locked) {
        return true;
      }
      if (!(await options.unlock.check(password))) {
        return false;
      }
      locked = false;
      lastActivity = options.timer.now();
      options.effects.showContent();
      options.onChange?.(false);
      arm();
      return true;
    },
    isLocked: () => locked,
    stop() {
      cancel?.();
      cancel = null;
    },
  };
}
