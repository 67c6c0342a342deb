import { inject } from 'vitest';
import { ANCHOR_ENV, runAnchor } from './anchor.ts';

/**
 * "Now" for a test: the run's anchor (see anchor.ts), as the global setup chose it. A child
 * process a test starts imports anchor.ts instead and reads the anchor it inherited.
 */
export function testNow(): Date {
  const provided = inject('testNow');
  return provided !== undefined ? new Date(provided) : runAnchor();
}

/** The anchor moved by milliseconds, for due times and short windows. */
export function msFromNow(ms: number): Date {
  return new Date(testNow().getTime() + ms);
}

/** A clock function for services that take one (`() => Date`), fixed at the anchor. */
export function anchoredClock(): () => Date {
  const at = testNow();
  return () => new Date(at.getTime());
}

export { ANCHOR_ENV };
