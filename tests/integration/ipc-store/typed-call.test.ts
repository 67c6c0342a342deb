import { afterAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../../preload/contract/workflow.ts';
import { openApp } from '../../support/app.ts';

describe('openApp (tests/support/app.ts): the one IPC harness, typed from the contract', () => {
  const app = openApp({ prefix: 'vanthu-typed-call-' });
  afterAll(() => app.close());

  it('types channels, payloads and answers, and still sends what the type refuses for the tests that need it', async () => {
    // @ts-expect-error a channel the contract does not have is a compile error …
    expect(await app.call('incoming.nope', {})).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    // @ts-expect-error … and so is a payload of the wrong shape; main refuses both at run time too.
    expect(await app.call('incoming.get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The answer is the channel's response type: no cast needed to read it.
    const role: UserRole = (await app.value('profile.get', {})).role;
    expect(role).toBe('van-thu');
    await app.asRole('lanh-dao');
    expect((await app.value('profile.get', {})).role).toBe('lanh-dao');
    await expect(app.value('incoming.get', { id: 'khong-co' })).rejects.toThrow('incoming.get: NOT_FOUND');
    expect(await app.raw('profile.update', { role: 'quan-tri' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
