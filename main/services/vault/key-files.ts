import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { Keystore } from './keystore.ts';
import { writeFileAtomicSync } from '../disk/atomic-write.ts';
import {
  deriveKey,
  keyCheck,
  newScryptParams,
  passphraseKey,
  unwrapKey,
  wrapKey,
  type ScryptParams,
  type WrappedKey,
} from '../cipher/profile-key.ts';
import { parseRecoveryKey, recoveryWrappingKey } from './recovery-key.ts';

/**
 * Where the profile key lives, wrapped, never in the clear inside the profile:
 *
 * - `vanthu-key.json` in the profile: the key check, the copy wrapped by the recovery key and,
 *   in Electron, the copy wrapped by the OS keystore (safeStorage: DPAPI, Keychain, libsecret).
 *   Copying the profile copies only what the recovery key or this OS account can open.
 * - the key file, for the browser shell and the CLI, which have no OS keystore: beside the
 *   profile folder (`<profile>.key`, or `VANTHU_KEY_FILE`), readable by its owner only, holding
 *   the key itself or the key wrapped by a passphrase (scrypt). Kept outside the profile so a
 *   copied profile folder does not carry it along.
 */
export const ENVELOPE_NAME = 'vanthu-key.json';

const Wrapped = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
const Envelope = z.object({
  version: z.literal(1),
  check: z.string(),
  recovery: Wrapped,
  /** The backup key (derived from the recovery key), wrapped by the profile key. */
  backup: Wrapped,
  keystore: z.string().optional(),
});
const KeyFile = z.object({
  version: z.literal(1),
  check: z.string(),
  key: z.string().optional(),
  passphrase: z
    .object({ scrypt: z.object({ salt: z.string(), N: z.number(), r: z.number(), p: z.number() }), wrapped: Wrapped })
    .optional(),
});
export type Envelope = z.infer<typeof Envelope>;
export type KeyFile = z.infer<typeof KeyFile>;

export function envelopePath(profileRoot: string): string {
  return join(profileRoot, ENVELOPE_NAME);
}

export function defaultKeyFilePath(profileRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env['VANTHU_KEY_FILE'];
  if (override !== undefined && override !== '') {
    return override;
  }
  return join(dirname(profileRoot), `${basename(profileRoot)}.key`);
}

/** Write JSON aside, fsync, rename: a crash leaves the old file or the new one. Owner-only. */
export function writeSecretJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicSync(path, JSON.stringify(value, null, 2), { mode: 0o600 });
}

export function parseEnvelope(json: string): Envelope {
  return Envelope.parse(JSON.parse(json));
}

export function readEnvelope(profileRoot: string): Envelope | null {
  const path = envelopePath(profileRoot);
  return existsSync(path) ? Envelope.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
}

export function readKeyFile(path: string): KeyFile | null {
  return existsSync(path) ? KeyFile.parse(JSON.parse(readFileSync(path, 'utf8'))) : null;
}

export function makeEnvelope(profileKey: Buffer, recoveryKey: string, keystore?: Keystore): Envelope {
  const recovery = parseRecoveryKey(recoveryKey);
  if (recovery === null) {
    throw new Error('malformed recovery key');
  }
  return {
    version: 1,
    check: keyCheck(profileKey),
    recovery: wrapKey(recoveryWrappingKey(recovery, 'profile'), profileKey),
    backup: wrapKey(deriveKey(profileKey, 'backup'), recoveryWrappingKey(recovery, 'backup')),
    ...(keystore?.isEncryptionAvailable() === true
      ? { keystore: keystore.encryptString(profileKey.toString('base64')).toString('base64') }
      : {}),
  };
}

export function makeKeyFile(profileKey: Buffer, passphrase?: string): KeyFile {
  if (passphrase === undefined || passphrase === '') {
    return { version: 1, check: keyCheck(profileKey), key: profileKey.toString('base64') };
  }
  const scrypt: ScryptParams = newScryptParams();
  return {
    version: 1,
    check: keyCheck(profileKey),
    passphrase: { scrypt, wrapped: wrapKey(passphraseKey(passphrase, scrypt), profileKey) },
  };
}

/**
 * The key backups are encrypted with. It derives from the recovery key, so restoring needs the
 * recovery key (and nothing else: the PC, the keystore and the key file may be gone); the
 * unlocked app finds it wrapped by the profile key, so making a backup needs no typing.
 */
export function backupKeyOf(envelope: Envelope, profileKey: Buffer): Buffer {
  const key = unwrapKey(deriveKey(profileKey, 'backup'), envelope.backup as WrappedKey);
  if (key === null) {
    throw new Error('the backup key does not open with this profile key');
  }
  return key;
}

/** The key from the recovery copy, or null when the typed recovery key is not this profile's. */
export function keyFromRecovery(envelope: Envelope, recoveryKey: string): Buffer | null {
  const recovery = parseRecoveryKey(recoveryKey);
  if (recovery === null) {
    return null;
  }
  return checked(unwrapKey(recoveryWrappingKey(recovery, 'profile'), envelope.recovery as WrappedKey), envelope.check);
}

export function keyFromKeystore(envelope: Envelope, keystore: Keystore): Buffer | null {
  if (envelope.keystore === undefined || !keystore.isEncryptionAvailable()) {
    return null;
  }
  try {
    return checked(
      Buffer.from(keystore.decryptString(Buffer.from(envelope.keystore, 'base64')), 'base64'),
      envelope.check,
    );
  } catch {
    // Another OS account or a reset keystore: the recovery key is the way back.
    return null;
  }
}

/** The key from a key file; `needsPassphrase` when it is wrapped and none (or a wrong one) was given. */
export function keyFromKeyFile(
  file: KeyFile,
  passphrase: string | undefined,
): { key: Buffer } | { needsPassphrase: true; wrong: boolean } {
  if (file.key !== undefined) {
    const key = checked(Buffer.from(file.key, 'base64'), file.check);
    return key === null ? { needsPassphrase: true, wrong: true } : { key };
  }
  if (file.passphrase === undefined || passphrase === undefined || passphrase === '') {
    return { needsPassphrase: true, wrong: false };
  }
  const key = checked(
    unwrapKey(passphraseKey(passphrase, file.passphrase.scrypt), file.passphrase.wrapped as WrappedKey),
    file.check,
  );
  return key === null ? { needsPassphrase: true, wrong: true } : { key };
}

function checked(key: Buffer | null, check: string): Buffer | null {
  return key !== null && key.byteLength === 32 && keyCheck(key) === check ? key : null;
}
