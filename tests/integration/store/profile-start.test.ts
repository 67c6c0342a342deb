import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markerPath } from '../../../main/services/vault/encrypt-profile.ts';
import { startProfile } from '../../../main/services/vault/profile-start.ts';
import { isProfileEncrypted } from '../../../main/services/vault/profile-vault.ts';
import { filesContaining, newProfile, openProfile, registerDocuments, SECRET_TRICH_YEU } from './vault-helpers.ts';

describe('a shell starting on a profile', () => {
  it('leaves a plain profile plain unless asked, then encrypts it once and unlocks it after', () => {
    const { profile, keyFile } = newProfile();
    const opened = openProfile(profile);
    const [id] = registerDocuments(profile, opened.store, 1);
    opened.close();
    expect(startProfile(profile, { keyFile }, { encryptPlain: false })).toEqual({ key: undefined, recoveryKey: null });
    expect(isProfileEncrypted(profile.root)).toBe(false);

    const first = startProfile(profile, { keyFile }, { encryptPlain: true });
    expect(first.recoveryKey).toMatch(/^(\w{4}-){7}\w{4}$/);
    expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
    const again = startProfile(profile, { keyFile }, { encryptPlain: false });
    expect(again.recoveryKey).toBeNull();
    expect(again.key?.equals(first.key as Buffer)).toBe(true);
    const reopened = openProfile(profile, again.key);
    expect(reopened.store.getIncoming(id as string).trichYeu).toBe(`${SECRET_TRICH_YEU} 0`);
    reopened.close();
  });

  it('finishes an interrupted encryption even when not asked to encrypt', () => {
    const { profile, keyFile } = newProfile();
    const opened = openProfile(profile);
    registerDocuments(profile, opened.store, 1);
    opened.close();
    // As a kill right after the marker was written leaves it.
    writeFileSync(markerPath(profile.root), '{}');
    const started = startProfile(profile, { keyFile }, { encryptPlain: false });
    expect(started.key).toBeDefined();
    expect(isProfileEncrypted(profile.root)).toBe(true);
    expect(filesContaining(profile, '%PDF')).toEqual([]);
  });

  it('gives a new profile its key at once when encryption is on', () => {
    const { profile, keyFile } = newProfile();
    const started = startProfile(profile, { keyFile }, { encryptPlain: true });
    expect(started.recoveryKey).not.toBeNull();
    const opened = openProfile(profile, started.key);
    registerDocuments(profile, opened.store, 1);
    opened.close();
    expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
    expect(isProfileEncrypted(profile.root)).toBe(true);
  });
});
