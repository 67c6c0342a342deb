import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profilePaths, type ProfilePaths } from '../../../main/services/disk/profile-paths.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore, type StoreApi } from '../../../main/services/store/store.ts';
import { useFilesKey } from '../../../main/services/cipher/files-key.ts';
import { incoming, openLease, ORG, tempDir } from './helpers.ts';

/** A trích yếu and a PDF header no encrypted byte sequence will contain by chance. */
export const SECRET_TRICH_YEU = 'Về việc bảo vệ bí mật nhà nước tại Sở Nội vụ năm 2026';
export const PDF_HEADER = '%PDF';

/** A profile folder inside its own temp folder, so the key file beside it stays out of copies. */
export function newProfile(): { profile: ProfilePaths; keyFile: string } {
  const base = tempDir('vanthu-vault-');
  const profile = profilePaths(join(base, 'profile'));
  mkdirSync(profile.root, { recursive: true });
  return { profile, keyFile: join(base, 'profile.key') };
}

export function openProfile(profile: ProfilePaths, key?: Buffer): { store: StoreApi; close(): void } {
  const db = openDatabase(profile.database, key === undefined ? {} : { key });
  useFilesKey(profile.files, key ?? null);
  // fixed-date: the registration date only has to be inside the lease's year.
  const now = new Date('2026-03-10T02:00:00Z');
  const store = createStore({ db, filesDir: profile.files, maDinhDanh: ORG, tenCoQuan: 'Sở Nội vụ', clock: () => now });
  return {
    store,
    close: () => {
      db.close();
      useFilesKey(profile.files, null);
    },
  };
}

/** Register `count` documents, each with a PDF of about `pdfBytes`; returns their ids. */
export function registerDocuments(profile: ProfilePaths, store: StoreApi, count: number, pdfBytes = 2000): string[] {
  if (
    store.context.registers.leases(store.context.registers.ensure({ maDinhDanh: ORG, kind: 'den', year: 2026 }).id)
      .length === 0
  ) {
    openLease(store);
  }
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = join(profile.root, `..`, `nguon-${i}.pdf`);
    const body = `${PDF_HEADER}-1.7\n% ${SECRET_TRICH_YEU} ${i}\n`;
    writeFileSync(source, body.padEnd(pdfBytes, ' '));
    const { document } = store.addIncoming(incoming({ so: String(100 + i), trichYeu: `${SECRET_TRICH_YEU} ${i}` }), {
      path: source,
      // The file is a made-up PDF, not a scan: registered on purpose below the scan standard.
      scanReason: 'Tệp thử nghiệm, không phải bản quét',
    });
    ids.push(document.id);
  }
  return ids;
}

/** Every file of the profile (database, its WAL, stored files), to grep for plaintext. */
export function profileFiles(profile: ProfilePaths): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        out.push(path);
      }
    }
  };
  if (existsSync(profile.root)) {
    walk(profile.root);
  }
  return out;
}

/** The files of the profile that contain `needle` (UTF-8). */
export function filesContaining(profile: ProfilePaths, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return profileFiles(profile).filter((path) => readFileSync(path).includes(bytes));
}
