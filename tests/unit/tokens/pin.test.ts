import { describe, expect, it } from 'vitest';
import { readPin } from '../../../main/cli/commands/pin.ts';

const io = (env: Record<string, string>, stdin = '') => ({ env, readStdin: async () => stdin });

describe('readPin', () => {
  it('reads VANTHU_PIN from the environment', async () => {
    await expect(readPin([], io({ VANTHU_PIN: '123456' }))).resolves.toBe('123456');
  });

  it('reads the first line of standard input with --pin-stdin, ignoring the environment', async () => {
    await expect(readPin(['--pin-stdin'], io({ VANTHU_PIN: 'other' }, '654321\r\nrest'))).resolves.toBe('654321');
  });

  it('refuses a PIN given as an argument, without echoing it', async () => {
    const error = await readPin(['--pin=999888'], io({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('999888');
    await expect(readPin(['--pin', '999888'], io({}))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('fails with a Vietnamese hint when no PIN is given', async () => {
    await expect(readPin([], io({}))).rejects.toThrow(/VANTHU_PIN/);
  });
});
