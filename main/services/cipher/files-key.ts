import { resolve } from 'node:path';
import { deriveKey } from './profile-key.ts';

/**
 * The key of each open encrypted profile's files folder, set where the profile is opened (the
 * store worker, the CLI) and looked up by the file store. A registry rather than a parameter
 * because the file store's callers (intake, sync, issuing) name a folder, not a profile; a
 * folder with no key registered is a plain profile's, read and written as before.
 */
const keys = new Map<string, Buffer>();

export function useFilesKey(filesDir: string, profileKey: Buffer | null): void {
  if (profileKey === null) {
    keys.delete(resolve(filesDir));
  } else {
    keys.set(resolve(filesDir), deriveKey(profileKey, 'files'));
  }
}

export function filesKeyFor(filesDir: string): Buffer | undefined {
  return keys.get(resolve(filesDir));
}
