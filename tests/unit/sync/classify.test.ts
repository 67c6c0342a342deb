import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../main/services/sync/backoff.ts';
import { classifyError, classifyResponse, parseRetryAfter } from '../../../main/services/sync/classify.ts';
import { assertSecureUrl } from '../../../main/services/sync/transport.ts';
import { parseRange } from '../../../server/routes/files.ts';

const now = new Date('2026-03-02T08:00:00Z');
const answer = (status: number, data: unknown = {}, headers: Record<string, string> = {}) => ({
  status,
  data,
  headers,
});

describe('failure classification', () => {
  it('sorts answers into retryable, auth, conflict and permanent', () => {
    expect(classifyResponse(answer(503, {}, { 'retry-after': '7' }), now)).toMatchObject({
      kind: 'retryable',
      retryAfterMs: 7000,
    });
    expect(classifyResponse(answer(429), now).kind).toBe('retryable');
    expect(classifyResponse(answer(423), now).kind).toBe('retryable');
    expect(classifyResponse(answer(401, { code: 'TOKEN_EXPIRED' }), now)).toMatchObject({
      kind: 'auth',
      code: 'TOKEN_EXPIRED',
    });
    expect(classifyResponse(answer(409, { code: 'NUMBER_TAKEN', detail: 'Số đến 5 đã được dùng' }), now)).toMatchObject(
      {
        kind: 'conflict',
        code: 'NUMBER_TAKEN',
        message: 'Số đến 5 đã được dùng',
      },
    );
    expect(classifyResponse(answer(400, { code: 'INVALID_INPUT' }), now).kind).toBe('permanent');
    expect(classifyResponse(answer(422, { code: 'FILE_NOT_UPLOADED' }), now).kind).toBe('retryable');
  });

  it('treats a missing answer as the network, but a TLS failure as permanent', () => {
    expect(classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({
      kind: 'retryable',
      code: 'ECONNRESET',
    });
    expect(classifyError(Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).kind).toBe(
      'permanent',
    );
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('backoff', () => {
  it('grows exponentially under a cap, with full jitter', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(0, null, policy, () => 0.999)).toBeLessThan(1000);
    expect(backoffDelay(3, null, policy, () => 0.999)).toBeLessThan(8000);
    expect(backoffDelay(3, null, policy, () => 0.999)).toBeGreaterThan(7000);
    expect(backoffDelay(20, null, policy, () => 0.999)).toBeLessThan(60_000);
    expect(backoffDelay(5, null, policy, () => 0)).toBe(0);
  });

  it('never comes back sooner than Retry-After', () => {
    expect(backoffDelay(0, 30_000, { baseMs: 1000, capMs: 60_000 }, () => 0)).toBe(30_000);
    expect(backoffDelay(2, 30_000, { baseMs: 1000, capMs: 60_000 }, () => 0.5)).toBeGreaterThanOrEqual(30_000);
  });
});

describe('server URL', () => {
  it('requires HTTPS except to loopback', () => {
    expect(assertSecureUrl('https://qlvb.example.gov.vn').protocol).toBe('https:');
    expect(assertSecureUrl('http://127.0.0.1:8787').hostname).toBe('127.0.0.1');
    expect(assertSecureUrl('http://localhost:8787').hostname).toBe('localhost');
    expect(() => assertSecureUrl('http://qlvb.example.gov.vn')).toThrow(/HTTPS/);
    expect(() => assertSecureUrl('http://127.0.0.1.example.com')).toThrow();
    expect(() => assertSecureUrl('not a url')).toThrow();
  });
});

describe('HTTP ranges (reference server)', () => {
  it('parses open, closed and suffix ranges and refuses ranges outside the file', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=10-', 100)).toEqual({ start: 10, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=0-500', 100)).toEqual({ start: 0, end: 99 });
    expect(() => parseRange('bytes=100-', 100)).toThrow();
    expect(() => parseRange('bytes=a-b', 100)).toThrow();
  });
});
