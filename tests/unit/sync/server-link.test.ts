import { describe, expect, it } from 'vitest';
import type { Failure } from '../../../main/services/sync/classify.ts';
import { ServerLink } from '../../../main/services/sync/server-link.ts';
import type { SyncClock } from '../../../main/services/sync/ports.ts';
import { testNow } from '../../support/clock/clock.ts';

const clock: SyncClock = { now: () => testNow(), sleep: () => Promise.resolve() };
const noAnswer: Failure = {
  kind: 'retryable',
  code: 'ECONNRESET',
  message: 'socket hang up',
  retryAfterMs: null,
  details: { cause: 'ECONNRESET' },
};
const busy: Failure = { kind: 'retryable', code: 'HTTP_503', message: 'busy', retryAfterMs: null, details: {} };

describe('the server link tells when the server answers again', () => {
  it('calls onReturn once, at the first answer after exchanges that got none', () => {
    let returns = 0;
    const link = new ServerLink(clock, undefined, () => (returns += 1));
    link.succeeded();
    expect(returns).toBe(0);
    link.noteFailure(noAnswer);
    link.noteFailure(noAnswer);
    expect(link.status.connection).toBe('offline');
    link.succeeded();
    link.succeeded();
    expect(returns).toBe(1);
  });

  it('does not call it after a server that answered, even with a 503 (its own wait stands)', () => {
    let returns = 0;
    const link = new ServerLink(clock, undefined, () => (returns += 1));
    link.noteFailure(busy);
    link.succeeded();
    expect(returns).toBe(0);
  });
});
