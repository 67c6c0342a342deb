import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { startStoreWorker } from '../../../main/services/store/store-client.ts';
import { restoreProfile } from '../../../main/services/store/restore-profile.ts';
import { setUpProfileKey } from '../../../main/services/vault/profile-vault.ts';
import { incoming, ORG } from './helpers.ts';
import { filesContaining, newProfile, openProfile, SECRET_TRICH_YEU } from './vault-helpers.ts';

describe('the store worker on an encrypted profile', () => {
  it('keys the database and seals files in its thread; its backup opens only with the recovery key', async () => {
    const { profile, keyFile } = newProfile();
    const { key, recoveryKey } = setUpProfileKey({ profileRoot: profile.root, keyFile });
    const client = await startStoreWorker({
      databasePath: profile.database,
      filesDir: profile.files,
      maDinhDanh: ORG,
      log: silentLogger,
      key,
    });
    const backup = join(profile.root, '..', 'sao-luu.vanthu');
    let id: string;
    try {
      // real time: the worker numbers in the year of its own clock; an open lease for that year.
      const year = Number(
        new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
      );
      const register = await client.call('registers.ensure', { maDinhDanh: ORG, kind: 'den', year });
      await client.call('registers.addLease', register.id, { firstNumber: 1, lastNumber: null });
      const source = join(profile.root, '..', 'den.pdf');
      writeFileSync(source, `%PDF-1.7\n% ${SECRET_TRICH_YEU}\n`);
      ({
        document: { id },
      } = await client.call('incoming.add', incoming({ trichYeu: SECRET_TRICH_YEU }), {
        path: source,
        scanReason: 'Tệp thử nghiệm, không phải bản quét',
      }));
      expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
      expect(filesContaining(profile, '%PDF')).toEqual([]);
      await client.call('store.backup', backup);
    } finally {
      await client.close();
    }
    expect(readFileSync(backup).includes(Buffer.from(SECRET_TRICH_YEU))).toBe(false);
    expect(readFileSync(backup).includes(Buffer.from('%PDF'))).toBe(false);

    // A new PC: only the backup and the recovery key.
    const fresh = newProfile();
    expect(() =>
      restoreProfile(fresh.profile, backup, { profileRoot: fresh.profile.root, keyFile: fresh.keyFile }),
    ).toThrow(expect.objectContaining({ code: 'PROFILE_LOCKED' }));
    const report = restoreProfile(fresh.profile, backup, {
      profileRoot: fresh.profile.root,
      keyFile: fresh.keyFile,
      recoveryKey,
    });
    expect(report).toMatchObject({ documents: 1, files: 1, encrypted: true });
    const opened = openProfile(fresh.profile, key);
    try {
      expect(opened.store.getIncoming(id).trichYeu).toBe(SECRET_TRICH_YEU);
    } finally {
      opened.close();
    }
    expect(filesContaining(fresh.profile, '%PDF')).toEqual([]);
  });
});
