import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENVELOPE_NAME } from '../../main/services/vault/key-files.ts';
import { startShell, waitFor, type RunningShell } from './harness.ts';

/*
 * The profile key in Electron: created at set-up (encryption is on by default), kept in the profile
 * only wrapped (by the OS keystore — the double's safeStorage, a real cipher — and by the recovery
 * key), the database no longer plain SQLite, and the recovery key shown once in a message box.
 */
describe('safeStorage wrapping the profile key', () => {
  let shell: RunningShell | undefined;
  afterEach(async () => {
    delete process.env['VANTHU_ENCRYPT_PROFILE'];
    await shell?.quit();
    shell?.dispose();
    shell = undefined;
  });

  it('by default wraps a new profile key with safeStorage, encrypts the database and shows the recovery key once', async () => {
    delete process.env['VANTHU_ENCRYPT_PROFILE'];
    shell = await startShell();
    const { electron, profileDir } = shell;
    // Something must be stored for the database to exist: the organization's settings and a register.
    expect(
      await shell.vanthu.invoke('settings.update', {
        organization: { maDinhDanh: '000.00.01.H99', name: 'Sở Nội vụ tỉnh Demo' },
      }),
    ).toMatchObject({ ok: true });
    expect(await shell.vanthu.invoke('registers.list', {})).toMatchObject({ ok: true });

    const envelope = JSON.parse(readFileSync(join(profileDir, ENVELOPE_NAME), 'utf8')) as { keystore?: string };
    expect(envelope.keystore).toEqual(expect.any(String));
    const key = Buffer.from(
      electron.safeStorage.decryptString(Buffer.from(envelope.keystore ?? '', 'base64')),
      'base64',
    );
    expect(key).toHaveLength(32);
    expect(readFileSync(join(profileDir, ENVELOPE_NAME), 'utf8')).not.toContain(key.toString('base64'));

    // SQLCipher: no plain SQLite header on disk.
    expect(readFileSync(join(profileDir, 'vanthu.sqlite')).subarray(0, 15).toString('latin1')).not.toBe(
      'SQLite format 3',
    );

    await waitFor('the recovery key shown', () => electron.dialog.messageBoxes.length > 0);
    expect(electron.dialog.messageBoxes).toHaveLength(1);
    expect(electron.dialog.messageBoxes[0]?.message).toMatch(/khôi phục/i);
  });
});
