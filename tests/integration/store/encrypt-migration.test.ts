import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { profilePaths, type ProfilePaths } from '../../../main/services/disk/profile-paths.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { encryptProfile, needsEncryption, type EncryptProgress } from '../../../main/services/vault/encrypt-profile.ts';
import { deriveKey } from '../../../main/services/cipher/profile-key.ts';
import { isProfileEncrypted, unlockProfileKey } from '../../../main/services/vault/profile-vault.ts';
import { unsealFile } from '../../../main/services/cipher/sealed-file.ts';
import { tempDir } from './helpers.ts';
import {
  filesContaining,
  newProfile,
  openProfile,
  PDF_HEADER,
  registerDocuments,
  SECRET_TRICH_YEU,
} from './vault-helpers.ts';

const CHILD = join(import.meta.dirname, 'encrypt-child.ts');
const KILLS = Number(process.env['VANTHU_ENCRYPT_KILLS'] ?? 50);
const DOCUMENTS = 24;

/** A plain profile as an older version left it: documents, each with a ~200 KB PDF. */
function plainFixture(): { profile: ProfilePaths; ids: string[]; shas: string[] } {
  const { profile } = newProfile();
  const opened = openProfile(profile);
  const ids = registerDocuments(profile, opened.store, DOCUMENTS, 200_000);
  const shas = ids.map((id) => opened.store.getIncoming(id).fileSha256 as string);
  opened.close();
  return { profile, ids, shas };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Open the profile (on a throwaway copy, so checking never changes it) and check it is whole. */
function expectWhole(
  profile: ProfilePaths,
  keyFile: string,
  ids: readonly string[],
  shas: readonly string[],
): 'plain' | 'encrypted' {
  const check = profilePaths(join(tempDir('vanthu-check-'), 'profile'));
  cpSync(profile.root, check.root, { recursive: true });
  let key: Buffer | undefined;
  let opened: ReturnType<typeof openProfile>;
  try {
    opened = openProfile(check);
    opened.store.getIncoming(ids[0] as string);
  } catch {
    key = unlockProfileKey({ profileRoot: check.root, keyFile });
    opened = openProfile(check, key);
  }
  try {
    for (const [i, id] of ids.entries()) {
      expect(opened.store.getIncoming(id).trichYeu).toBe(`${SECRET_TRICH_YEU} ${i}`);
    }
  } finally {
    opened.close();
  }
  // Every stored file is still either its plain self or a sealed copy that opens to it.
  for (const sha of shas) {
    const raw = readFileSync(attachmentPath(check.files, sha));
    if (sha256(raw) !== sha) {
      const k = key ?? unlockProfileKey({ profileRoot: check.root, keyFile });
      expect(sha256(unsealFile(deriveKey(k, 'files'), attachmentPath(check.files, sha)))).toBe(sha);
    }
  }
  rmSync(check.root, { recursive: true, force: true });
  return key === undefined ? 'plain' : 'encrypted';
}

function runAndKill(
  root: string,
  keyFile: string,
  delayMs: number | null,
): Promise<{ lines: string[]; killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, root, keyFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let started = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (started === 0 && out.includes('READY\n')) {
        started = performance.now();
        if (delayMs !== null) {
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) {
        reject(new Error(`child failed: ${err}`));
        return;
      }
      resolve({ lines: out.split('\n').slice(0, -1), killed: signal === 'SIGKILL', ms: performance.now() - started });
    });
  });
}

describe('encrypting a plain profile in place', () => {
  it('encrypts the database and every stored file, with progress, and the data stays whole', () => {
    const { profile, ids, shas } = plainFixture();
    const keyFile = join(profile.root, '..', 'profile.key');
    expect(needsEncryption(profile)).toBe(true);
    const events: EncryptProgress[] = [];
    const { recoveryKey } = encryptProfile(profile, { keyFile }, (p) => events.push(p));
    expect(recoveryKey).toMatch(/^(\w{4}-){7}\w{4}$/);
    expect(events.at(0)).toEqual({ phase: 'key' });
    expect(events.filter((e) => e.phase === 'files').at(-1)).toEqual({
      phase: 'files',
      done: DOCUMENTS,
      total: DOCUMENTS,
    });
    expect(events.at(-1)).toEqual({ phase: 'done', files: DOCUMENTS });
    expect(needsEncryption(profile)).toBe(false);
    expect(isProfileEncrypted(profile.root)).toBe(true);
    expect(filesContaining(profile, SECRET_TRICH_YEU)).toEqual([]);
    expect(filesContaining(profile, PDF_HEADER)).toEqual([]);
    expect(expectWhole(profile, keyFile, ids, shas)).toBe('encrypted');
  });

  it(
    `leaves the old or the new profile whole through ${KILLS} SIGKILLs, and a restart finishes the job`,
    { timeout: 900_000 },
    async () => {
      const fixture = plainFixture();
      const runs = tempDir('vanthu-encrypt-kill-');
      // One run to the end, to spread the kills over the whole migration.
      const first = profilePaths(join(runs, 'calibrate', 'profile'));
      cpSync(fixture.profile.root, first.root, { recursive: true });
      const full = await runAndKill(first.root, join(runs, 'calibrate', 'profile.key'), null);
      expect(full.lines.at(-1)).toBe('DONE');
      const span = Math.max(full.ms * 1.2, 20);

      const outcomes = { plain: 0, encrypted: 0, finished: 0 };
      const phases = new Set<string>();
      let kills = 0;
      for (let run = 0; kills < KILLS; run += 1) {
        const base = join(runs, `run-${run}`);
        const profile = profilePaths(join(base, 'profile'));
        const keyFile = join(base, 'profile.key');
        cpSync(fixture.profile.root, profile.root, { recursive: true });
        const result = await runAndKill(profile.root, keyFile, Math.random() * span);
        if (!result.killed) {
          outcomes.finished += 1;
        } else {
          kills += 1;
          const last = result.lines.filter((l) => l.startsWith('P ')).at(-1);
          phases.add(last === undefined ? 'before-key' : (JSON.parse(last.slice(2)) as EncryptProgress).phase);
        }
        outcomes[expectWhole(profile, keyFile, fixture.ids, fixture.shas)] += 1;
        // The next start resumes (or starts) the migration and ends with the profile encrypted.
        if (needsEncryption(profile)) {
          encryptProfile(profile, { keyFile });
        }
        expect(existsSync(join(profile.root, 'encrypting.json'))).toBe(false);
        expect(filesContaining(profile, PDF_HEADER)).toEqual([]);
        expect(expectWhole(profile, keyFile, fixture.ids, fixture.shas)).toBe('encrypted');
        rmSync(base, { recursive: true, force: true });
      }
      console.log(
        `encrypt-migration: ${kills} kills, phases at the kill: ${[...phases].join(', ')}; states found:`,
        outcomes,
      );
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      // The kills landed before, inside and after the database's swap.
      expect(phases.size).toBeGreaterThanOrEqual(3);
    },
  );
});
