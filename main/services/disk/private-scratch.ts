import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder only this user can open (0700), made for one operation and removed in `finally`, for
 * the few steps that still need a document's plaintext as a file: an external program (the
 * malware scanner) or an engine that writes its output to a path (the PDF signer, the store
 * worker's path-taking calls). In an encrypted profile nothing else of a document is written in
 * plain; a kill can leave such a folder behind, which `clearPrivateScratch` removes at start.
 * On Windows the mode is ignored and the profile folder's per-user ACL protects it.
 */
export async function withPrivateScratch<T>(parent: string, work: (dir: string) => Promise<T>): Promise<T> {
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(parent, 'tam-'));
  chmodSync(dir, 0o700);
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes what a killed process left in a scratch parent; called before anything uses it. */
export function clearPrivateScratch(parent: string): void {
  rmSync(parent, { recursive: true, force: true });
}
