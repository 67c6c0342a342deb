import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Keystore } from '../../main/services/vault/keystore.ts';
import { copyAttachmentTo } from '../../main/services/store/attachments.ts';
import { newConnection } from '../../main/services/store/open-database.ts';
import { headlessKeySources } from '../../main/services/vault/cli-key.ts';
import { useFilesKey } from '../../main/services/cipher/files-key.ts';
import { isProfileEncrypted, unlockProfileKey } from '../../main/services/vault/profile-vault.ts';

/*
 * A test looking behind the app's back at a profile the shells set up — encrypted by default
 * (#19): the key from the key file beside it (browser shell) or from the keystore that wrapped
 * it (Electron: the double's safeStorage). A plain profile (VANTHU_ENCRYPT_PROFILE=0) reads as is.
 */

/** The profile key, or undefined for a plain profile. */
export function profileKeyOf(profileDir: string, keystore?: Keystore): Buffer | undefined {
  if (!isProfileEncrypted(profileDir)) {
    return undefined;
  }
  return unlockProfileKey({
    ...headlessKeySources(profileDir, process.env),
    ...(keystore === undefined ? {} : { keystore }),
  });
}

/** The profile database opened read-only, keyed when encrypted. */
export function openProfileDatabase(profileDir: string, keystore?: Keystore): Database.Database {
  const key = profileKeyOf(profileDir, keystore);
  return newConnection(join(profileDir, 'vanthu.sqlite'), {
    readonly: true,
    fileMustExist: true,
    ...(key === undefined ? {} : { key }),
  });
}

/**
 * A stored file's plaintext as a file outside the profile, for the tools we did not write
 * (pdfsig, pdftotext): read through the file store, as the app reads it.
 */
export function storedFileOutside(profileDir: string, sha256: string, keystore?: Keystore): string {
  const filesDir = join(profileDir, 'files');
  useFilesKey(filesDir, profileKeyOf(profileDir, keystore) ?? null);
  const out = join(mkdtempSync(join(tmpdir(), 'vanthu-tep-')), `${sha256}.pdf`);
  try {
    copyAttachmentTo(filesDir, sha256, out);
  } finally {
    useFilesKey(filesDir, null);
  }
  return out;
}
