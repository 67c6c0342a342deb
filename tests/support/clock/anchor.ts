/**
 * The run's anchor: the one instant a test run treats as "now". The test PKI is issued around it
 * (pki/build.ts) and every time a test gives a service — signing times, clocks, revocation
 * answers — is derived from it, so no test carries a calendar date that the certificates could
 * outlive. It is read once per run, in the global setup, and handed to the test processes; a
 * run under `faketime` (scripts/test-future.sh) therefore moves the anchor and the certificates
 * together, as a run next year would.
 */
export const ANCHOR_ENV = 'VANTHU_TEST_NOW';

/** The anchor of this run: the one already chosen (a parent process's), or now, to the second. */
export function runAnchor(): Date {
  const given = process.env[ANCHOR_ENV];
  if (given !== undefined && given !== '') {
    const at = new Date(given);
    if (Number.isNaN(at.getTime())) {
      throw new Error(`${ANCHOR_ENV}=${given} is not an ISO date`);
    }
    return at;
  }
  // real time: this is the one place a run reads the wall clock, to anchor everything else.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  process.env[ANCHOR_ENV] = now.toISOString();
  return now;
}
