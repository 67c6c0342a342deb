import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'tam-';

/**
 * A folder only this user can open (0700), made for one operation and removed in `finally`, for
 * the few steps that still need a document's plaintext as a file: an external program (the
 * malware scanner) or an engine that writes its output to a path (the PDF signer, the store
 * worker's path-taking calls). In an encrypted profile nothing else of a document is written in
 * plain; a kill can leave such a folder behind, which `clearPrivateScratch` removes at start.
 * The folder is named after the process that made it (`tam-<pid>-…`), so that clearing at start
 * leaves alone an operation the app or a CLI run sharing the profile has in flight.
 * On Windows the mode is ignored and the profile folder's per-user ACL protects it.
 */
export async function withPrivateScratch<T>(parent: string, work: (dir: string) => Promise<T>): Promise<T> {
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  chmodSync(dir, 0o700);
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Removes the scratch folders killed processes left in the scratch parents under `root` (the
 * profile's cache: one parent per purpose); called once at start. A folder whose process still
 * runs is kept; anything that is not a scratch folder is never touched.
 */
export function clearPrivateScratch(root: string): void {
  for (const parent of subfolders(root)) {
    for (const name of subfolders(join(root, parent))) {
      if (name.startsWith(PREFIX) && !alive(ownerOf(name))) {
        rmSync(join(root, parent, name), { recursive: true, force: true });
      }
    }
  }
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** The pid in `tam-<pid>-…`; a folder of the older unnamed form has none and counts as left over. */
function ownerOf(name: string): number | undefined {
  const match = /^tam-(\d+)-/.exec(name);
  return match === null ? undefined : Number(match[1]);
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) {
    return false;
  }
  if (pid === process.pid) {
    return true;
  }
  try {
    // Signal 0 only asks whether the process exists (Windows too); EPERM means it exists as another user.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
