import { describe, expect, it } from 'vitest';
import { VanthuError } from '../../../preload/contract/index.ts';
import { dispatch, type HandlerTable } from '../../../main/ipc/dispatch.ts';
import type { Logger } from '../../../main/services/log/logger.ts';

function recordingLogger(): Logger & { lines: Array<[string, Record<string, unknown> | undefined]> } {
  const lines: Array<[string, Record<string, unknown> | undefined]> = [];
  const push = (event: string, fields?: Record<string, unknown>): void => void lines.push([event, fields]);
  return { lines, debug: push, info: push, warn: push, error: push };
}

const info = {
  name: 'Văn thư số',
  version: '1.0.0',
  shell: 'cli',
  nodeVersion: '24',
  profileDir: '/p',
  database: { state: 'missing', schemaVersion: 0, path: '/p/db' },
} as const;

// Only the channels exercised here; dispatch looks handlers up by name.
function table(overrides: Partial<Record<string, unknown>>): HandlerTable {
  return { 'app.getInfo': () => info, ...overrides } as unknown as HandlerTable;
}

describe('dispatch', () => {
  const ctx = { shell: 'cli' } as const;

  it('returns the handler value in an ok envelope', async () => {
    const result = await dispatch(table({}), 'app.getInfo', {}, ctx, recordingLogger());
    expect(result).toEqual({ ok: true, value: info });
  });

  it('refuses a host-only (path-taking) channel from either shell before validating or running it, and lets the command line through', async () => {
    let calls = 0;
    const t = table({ 'documents.verify': () => ((calls += 1), { verdict: 'valid' }) });
    const request = { path: '/etc/passwd' };
    for (const shell of ['electron', 'browser'] as const) {
      const log = recordingLogger();
      const result = await dispatch(t, 'documents.verify', request, { shell }, log);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'IPC_FORBIDDEN', retryable: false, details: { channel: 'documents.verify' } },
      });
      expect(log.lines).toEqual([['ipc.host_only_refused', { channel: 'documents.verify', shell }]]);
    }
    expect(calls).toBe(0);
    expect(await dispatch(t, 'documents.verify', request, ctx, recordingLogger())).toMatchObject({ ok: true });
    expect(calls).toBe(1);
  });

  it('refuses unknown channels', async () => {
    const result = await dispatch(table({}), 'fs.readFile', {}, ctx, recordingLogger());
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
  });

  it('rejects payloads that fail the contract schema before the handler runs', async () => {
    let called = false;
    const t = table({ 'app.getInfo': () => ((called = true), info) });
    const result = await dispatch(t, 'app.getInfo', { extra: 'field' }, ctx, recordingLogger());
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    expect(called).toBe(false);
  });

  it('turns an expected failure into its code and message', async () => {
    const t = table({
      'app.getInfo': () => {
        throw new VanthuError('TOKEN_ABSENT', 'Chưa cắm thiết bị ký số.', { retryable: true, details: { slot: 'x' } });
      },
    });
    const result = await dispatch(t, 'app.getInfo', {}, ctx, recordingLogger());
    expect(result).toEqual({
      ok: false,
      error: { code: 'TOKEN_ABSENT', message: 'Chưa cắm thiết bị ký số.', retryable: true, details: { slot: 'x' } },
    });
  });

  it('reports a bug as INTERNAL and logs it with the channel', async () => {
    const log = recordingLogger();
    const t = table({
      'app.getInfo': () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatch(t, 'app.getInfo', {}, ctx, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.lines[0]?.[0]).toBe('ipc.handler_bug');
    expect(log.lines[0]?.[1]).toMatchObject({ channel: 'app.getInfo' });
  });
});
