import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../main/services/log/file-logger.ts';
import { redact } from '../../../main/services/log/logger.ts';

describe('redact', () => {
  it('removes secrets by key, nested, and keeps the rest', () => {
    const out = redact({ pin: '123456', user: { password: 'x', name: 'An' }, accessToken: 't', tokenLabel: 'VNPT' });
    expect(out).toEqual({
      pin: '[redacted]',
      user: { password: '[redacted]', name: 'An' },
      accessToken: '[redacted]',
      tokenLabel: 'VNPT',
    });
  });

  it('removes secrets inside text and error messages', () => {
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redact(new Error('login failed pin=123456'))).toMatchObject({ message: 'login failed pin=[redacted]' });
  });
});

describe('file logger', () => {
  it('writes JSON lines without secrets and rotates by size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-log-'));
    const log = createFileLogger({ dir, maxBytes: 400, keep: 2 });
    for (let i = 0; i < 20; i++) {
      log.info('token.login', { attempt: i, userPin: '999111' });
    }
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['vanthu.1.log', 'vanthu.2.log', 'vanthu.log']);
    const all = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    expect(all).not.toContain('999111');
    const last = readFileSync(join(dir, 'vanthu.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ level: 'info', event: 'token.login', attempt: 19, userPin: '[redacted]' });
  });
});
