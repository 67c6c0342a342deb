import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profilePaths } from '../../../main/services/disk/profile-paths.ts';
import { readAttachment } from '../../../main/services/store/attachments.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { newProfileKey } from '../../../main/services/cipher/profile-key.ts';
import { setUpProfileKey, unlockProfileKey } from '../../../main/services/vault/profile-vault.ts';
import { tempDir } from './helpers.ts';
import {
  filesContaining,
  newProfile,
  openProfile,
  PDF_HEADER,
  profileFiles,
  registerDocuments,
  SECRET_TRICH_YEU,
} from './vault-helpers.ts';

function fingerprint(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) {
    hash.update(path).update(readFileSync(path));
  }
  return hash.digest('hex');
}

describe('the profile encrypted at rest', () => {
  it('keeps no plaintext of a registered document in the database or the stored files, open or closed', () => {
    const { profile, keyFile } = newProfile();
    const { key } = setUpProfileKey({ profileRoot: profile.root, keyFile });
    const opened = openProfile(profile, key);
    const [id] = registerDocuments(profile, opened.store, 3);
    // While open, the WAL holds the newest pages: they are encrypted too.
    expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
    expect(filesContaining(profile, PDF_HEADER)).toEqual([]);
    expect(opened.store.getIncoming(id as string).trichYeu).toBe(`${SECRET_TRICH_YEU} 0`);
    opened.close();
    expect(profileFiles(profile).some((p) => p.includes(`${profile.files}`))).toBe(true);
    expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
    expect(filesContaining(profile, PDF_HEADER)).toEqual([]);
    // The control: the same steps on a plain profile leave both in the clear.
    const plain = newProfile();
    const plainOpened = openProfile(plain.profile);
    registerDocuments(plain.profile, plainOpened.store, 1);
    plainOpened.close();
    expect(filesContaining(plain.profile, SECRET_TRICH_YEU).length).toBeGreaterThan(0);
    expect(filesContaining(plain.profile, PDF_HEADER).length).toBeGreaterThan(0);
  });

  it('a copied profile opens only with the recovery key; a wrong key is refused in Vietnamese and changes nothing', () => {
    const { profile, keyFile } = newProfile();
    const { key, recoveryKey } = setUpProfileKey({ profileRoot: profile.root, keyFile });
    const opened = openProfile(profile, key);
    const [id] = registerDocuments(profile, opened.store, 2);
    const sha = opened.store.getIncoming(id as string).fileSha256;
    opened.close();

    // The thief's copy: the profile folder, without the key file that lives beside it.
    const copy = profilePaths(join(tempDir('vanthu-copy-'), 'profile'));
    cpSync(profile.root, copy.root, { recursive: true });
    expect(() => openDatabase(copy.database)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
    expect(() => unlockProfileKey({ profileRoot: copy.root, keyFile: join(copy.root, '..', 'none.key') })).toThrow(
      expect.objectContaining({ code: 'PROFILE_LOCKED' }),
    );

    const before = fingerprint(profileFiles(copy));
    let refused: unknown;
    try {
      openDatabase(copy.database, { key: newProfileKey() });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'PROFILE_KEY_WRONG' });
    expect((refused as Error).message).toMatch(/Khóa không đúng.*Dữ liệu không bị thay đổi/);
    expect(() =>
      unlockProfileKey({ profileRoot: copy.root, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }),
    ).toThrow(expect.objectContaining({ code: 'PROFILE_KEY_WRONG' }));
    expect(fingerprint(profileFiles(copy))).toBe(before);

    // The owner's recovery key, typed loosely, opens the copy: documents and files whole.
    const recovered = unlockProfileKey({ profileRoot: copy.root, recoveryKey: recoveryKey.toLowerCase() });
    const reopened = openProfile(copy, recovered);
    try {
      const document = reopened.store.getIncoming(id as string);
      expect(document.trichYeu).toBe(`${SECRET_TRICH_YEU} 0`);
      const bytes = readAttachment(copy.files, sha as string);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
      expect(Buffer.from(bytes).subarray(0, 4).toString()).toBe(PDF_HEADER);
    } finally {
      reopened.close();
    }
  });
});
