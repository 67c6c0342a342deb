import { describe, expect, it } from 'vitest';
import { checkRpcRequest } from '../../../main/app/browser/guard.ts';

const port = 41234;
const secret = 'a'.repeat(32);
const good = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, secret };

describe('browser host guard', () => {
  it('accepts our own origin with the secret', () => {
    expect(checkRpcRequest(good, port, secret)).toEqual({ ok: true });
  });

  it('refuses a missing or wrong secret', () => {
    expect(checkRpcRequest({ ...good, secret: undefined }, port, secret)).toMatchObject({
      ok: false,
      reason: 'secret',
    });
    expect(checkRpcRequest({ ...good, secret: 'b'.repeat(32) }, port, secret)).toMatchObject({
      ok: false,
      reason: 'secret',
    });
    expect(checkRpcRequest({ ...good, secret: 'short' }, port, secret)).toMatchObject({ ok: false, reason: 'secret' });
  });

  it('refuses another origin, even with the secret', () => {
    expect(checkRpcRequest({ ...good, origin: 'http://evil.example' }, port, secret)).toMatchObject({
      ok: false,
      status: 403,
      reason: 'origin',
    });
    expect(checkRpcRequest({ ...good, origin: undefined }, port, secret)).toMatchObject({
      ok: false,
      reason: 'origin',
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', () => {
    expect(checkRpcRequest({ ...good, host: `evil.example:${port}` }, port, secret)).toMatchObject({
      ok: false,
      status: 421,
      reason: 'host',
    });
  });
});
