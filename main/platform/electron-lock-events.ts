import type { PowerMonitor } from 'electron';

/** The OS events after which the window must not show anything without the password. */
const LOCKING_EVENTS = ['suspend', 'lock-screen'] as const;

/**
 * The idle lock also follows the OS: a laptop put to sleep or a screen locked by the person
 * (Win+L) locks the app at once, without waiting for the idle time — the lid closing on a stolen
 * laptop is the case the lock is for. Returns the function that detaches the listeners (quit).
 */
export function lockOnSystemEvents(powerMonitor: Pick<PowerMonitor, 'on' | 'off'>, lockNow: () => void): () => void {
  const listener = (): void => lockNow();
  for (const event of LOCKING_EVENTS) {
    // The overloads of `on` name each event; these two take a listener without arguments.
    powerMonitor.on(event as 'suspend', listener);
  }
  return () => {
    for (const event of LOCKING_EVENTS) {
      powerMonitor.off(event as 'suspend', listener);
    }
  };
}
