import { describe, expect, it } from 'vitest';
import { SyncFailure } from '../../../main/services/sync/classify.ts';
import { createOnlineNumbers } from '../../../main/services/sync/online-numbers.ts';

const unreachable = () =>
  new SyncFailure({
    kind: 'retryable',
    code: 'ECONNRESET',
    message: 'Không kết nối được máy chủ.',
    retryAfterMs: null,
    details: { cause: 'ECONNRESET' },
  });

/** A fake of the allocation port: answers from a script, counting the requests and their keys. */
function allocator(script: (attempt: number) => number) {
  const keys: string[] = [];
  return {
    keys,
    port: {
      allocateNumber: (_kind: 'den' | 'di', _year: number, _documentId: string, key: string) => {
        keys.push(key);
        return Promise.resolve().then(() => script(keys.length));
      },
    },
  };
}

describe('online numbers', () => {
  it('retries a lost answer with the same key and returns the number', async () => {
    const fake = allocator((attempt) => {
      if (attempt < 3) {
        throw unreachable();
      }
      return 41;
    });
    const numbers = createOnlineNumbers(() => fake.port, { timeoutMs: 2_000 });
    expect(await numbers.take('den', 2026, 'doc-1', 'so-den:doc-1')).toEqual({ year: 2026, number: 41 });
    expect(fake.keys).toEqual(['so-den:doc-1', 'so-den:doc-1', 'so-den:doc-1']);
  });

  it('after a number the server did not give in time, the block serves at once until the quiet period passes', async () => {
    let answering = false;
    const fake = allocator(() => {
      if (!answering) {
        throw unreachable();
      }
      return 7;
    });
    let clock = 0;
    const numbers = createOnlineNumbers(() => fake.port, { timeoutMs: 250, quietMs: 30_000, clock: () => clock });
    expect(await numbers.take('den', 2026, 'a', 'k-a')).toBeNull();
    const asked = fake.keys.length;
    expect(asked).toBeGreaterThan(0);
    answering = true;
    clock += 29_999;
    expect(await numbers.take('den', 2026, 'b', 'k-b')).toBeNull();
    expect(fake.keys).toHaveLength(asked);
    clock += 1;
    expect(await numbers.take('den', 2026, 'c', 'k-c')).toEqual({ year: 2026, number: 7 });
  });

  it('a refusal or no server configured: null at once, the block serves', async () => {
    const refused = allocator(() => {
      throw new SyncFailure({ kind: 'auth', code: 'NO_CREDENTIALS', message: 'x', retryAfterMs: null, details: {} });
    });
    expect(await createOnlineNumbers(() => refused.port).take('di', 2026, 'd', 'k-d')).toBeNull();
    expect(refused.keys).toHaveLength(1);
    expect(await createOnlineNumbers(() => null).take('di', 2026, 'd', 'k-d')).toBeNull();
  });
});
