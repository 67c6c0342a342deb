import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import Database from 'better-sqlite3';
import { writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore } from '../../../main/services/store/store.ts';
import { startProfile } from '../../../main/services/vault/profile-start.ts';
import { profilePaths } from '../../../main/services/disk/profile-paths.ts';
import type { UserRole } from '../../../preload/contract/workflow.ts';
import type { FilePurpose } from '../../../preload/contract/files.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { Result } from '../../../preload/contract/result.ts';
import { openApp } from '../../support/app.ts';
import type { PkiMaterial } from '../../support/pki/build.ts';

export const ORG = '000.00.00.H49';
export const FIXTURE_PDF = join(import.meta.dirname, '../../fixtures/pdf/lo-qd-kt-1.pdf');
export const FIXTURE_DOCX = join(import.meta.dirname, '../../fixtures/pdf/lo-qd-kt-1.docx');

export const DRAFT_INPUT = {
  tenLoai: 'Quyết định',
  kyHieu: 'QĐ-UBND',
  trichYeu: 'Về việc ban hành Quy chế văn thư',
  coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
  recipients: [{ maDinhDanh: '000.00.01.H49', ten: 'Sở Tài chính tỉnh X' }],
};

/** A profile whose sổ đi has an open lease, the app's handler table over it, and the test tokens. */
export function issuingProfile(
  pki: PkiMaterial,
  options: {
    profileDir?: string;
    server?: { url: string; username: string; password: string };
    /** Set up as the shells do by default: a profile key (key file beside the profile), everything encrypted. */
    encrypted?: boolean;
    /** The batch's progress events: 0, one per document (the app shows ten a second at most). */
    progressIntervalMs?: number;
  } = {},
) {
  const profileDir = options.profileDir ?? join(mkdtempSync(join(tmpdir(), 'vanthu ban hành ')), 'hồ sơ');
  const profileKey =
    options.encrypted === true
      ? startProfile(
          profilePaths(profileDir),
          { keyFile: join(dirname(profileDir), 'vanthu.key') },
          { encryptPlain: true },
        ).key
      : undefined;
  const seeded = openDatabase(join(profileDir, 'vanthu.sqlite'), profileKey === undefined ? {} : { key: profileKey });
  const seededStore = createStore({ db: seeded, filesDir: join(profileDir, 'files'), maDinhDanh: ORG });
  // real time: the services under test number in the year of the process clock.
  const year = vietnamYear(new Date());
  const register = seededStore.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year });
  if (seededStore.context.registers.leases(register.id).length === 0) {
    seededStore.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
  }
  seeded.close();
  const { server } = options;
  const app = openApp({
    profileDir,
    shell: 'cli',
    organization: null,
    ...(profileKey === undefined ? {} : { profileKey }),
    ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
    ...(server === undefined
      ? {}
      : { syncCredentials: () => ({ username: server.username, password: server.password }) }),
  });
  const { services } = app;
  services.settings.update({
    ...(server === undefined ? {} : { server: { url: server.url } }),
    organization: { maDinhDanh: ORG, name: 'Ủy ban nhân dân tỉnh X' },
    tokens: { modulePaths: [pki.softhsm.module] },
    verify: { trustPaths: [pki.subPem, pki.rootPem] },
  });
  // Typed from preload/contract: a channel renamed or a payload reshaped there is a compile error here.
  const { call } = app;
  /** The answer's value; a refusal throws with its code, message and details. */
  const value = <T>(result: Result<T>): T => {
    if (!result.ok) {
      throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details)}`);
    }
    return result.value;
  };
  const tokenOf = (id: 'person' | 'org') => {
    const token = pki.certs[id]?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
    if (token === undefined || pin === undefined) {
      throw new Error(`${id} is not on a token`);
    }
    return { signer: { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex }, pin };
  };
  const asRole = async (role: UserRole) => value(await call('profile.update', { role }));
  /** A file streamed in chunks as the browser shell's renderer does; the handle comes back. */
  const upload = async (purpose: FilePurpose, name: string, bytes: Uint8Array): Promise<string> => {
    const { handle } = value<{ handle: string }>(await call('files.begin', { purpose, name, size: bytes.byteLength }));
    const CHUNK = 256 * 1024;
    for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
      const base64 = Buffer.from(bytes.subarray(offset, offset + CHUNK)).toString('base64');
      value(await call('files.append', { handle, offset, base64 }));
    }
    return value<{ handle: string }>(await call('files.finish', { handle })).handle;
  };
  /** A chuyên viên's draft from the LibreOffice fixture pair, submitted (trình ký). */
  const draft = async (trichYeu = DRAFT_INPUT.trichYeu): Promise<OutgoingDocument> => {
    await asRole('chuyen-vien');
    const pdf = await upload('pdf', 'Dự thảo QĐ.pdf', readFileSync(FIXTURE_PDF));
    const source = await upload('nguon', 'Dự thảo QĐ.docx', readFileSync(FIXTURE_DOCX));
    const doc = value<OutgoingDocument>(
      await call('issuing.createDraft', { input: { ...DRAFT_INPUT, trichYeu }, pdf, source }),
    );
    return value<OutgoingDocument>(await call('outgoing.submit', { id: doc.id }));
  };
  /** A step's file replaced behind the workflow's back (a bug, a restore, a hand edit): stored and pointed at. */
  const replaceStageFile = (id: string, stage: string, bytes: Uint8Array): string => {
    const sha256 = writeAttachmentFile(services.profile.files, bytes);
    const db = new Database(services.profile.database);
    try {
      db.prepare(
        `INSERT INTO attachments (sha256, size, media_type, created_at) VALUES (?, ?, 'application/pdf', '')
         ON CONFLICT DO NOTHING`,
      ).run(sha256, bytes.byteLength);
      db.prepare(
        `INSERT INTO outgoing_files (document_id, stage, sha256, file_name, created_at) VALUES (?, ?, ?, 'x.pdf', '')
         ON CONFLICT (document_id, stage) DO UPDATE SET sha256 = excluded.sha256`,
      ).run(id, stage, sha256);
      db.prepare(`UPDATE outgoing_documents SET file_sha256 = ? WHERE id = ?`).run(sha256, id);
    } finally {
      db.close();
    }
    return sha256;
  };
  return { profileDir, services, call, value, tokenOf, asRole, upload, draft, replaceStageFile };
}
