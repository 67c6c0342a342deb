import { existsSync } from 'node:fs';
import { maDinhDanhVanBan } from '../../domain/ma-dinh-danh.ts';
import { staysOnWorkstation } from '../../domain/secrecy.ts';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './store-context.ts';
import { attachmentPath, recordAttachment } from './attachments.ts';
import type { RegisterFeedFile, RegisterFeedItem } from '../../../preload/contract/wire/registers-feed.ts';
import { adoptRegistration } from './registration-adoption.ts';

/** Written in the same transaction as the entries it covers (like the inbox cursor). */
const REGISTERS_CURSOR = 'sync.registers.cursor';

export interface RegistersApplied {
  /** Entries of other workstations copied here (sổ đến and sổ đi). */
  readonly replicated: number;
  /** Local documents that took the organization's số đến. */
  readonly adopted: number;
}

/** The store's side of the organization's registers feed (API 1.4.0), on the store's own connection. */
export interface StoreRegistersFeed {
  registersCursor(): string | null;
  applyRegisters(items: readonly RegisterFeedItem[], nextCursor: string): RegistersApplied;
  /** The files of a replica, by hash (empty for a document of this workstation). */
  replicaFiles(documentId: string): RegisterFeedFile[];
  /**
   * After the files were downloaded into the content store: record them and make the first the
   * replica's file, in one transaction. Returns the document's file hash (null if none is here).
   */
  keepReplicaFiles(documentId: string): string | null;
}

type Den = Extract<RegisterFeedItem, { kind: 'den' }>;
type Di = Extract<RegisterFeedItem, { kind: 'di' }>;

function text(value: string | null | undefined, max: number, fallback = ''): string {
  const trimmed = (value ?? '').trim().slice(0, max);
  return trimmed === '' ? fallback : trimmed;
}

/** "15/SNV-VP" → "15" and "SNV-VP". */
function splitSoKyHieu(soKyHieu: string): { so: string; kyHieu: string } {
  const slash = soKyHieu.indexOf('/');
  return slash < 0
    ? { so: soKyHieu.trim(), kyHieu: '' }
    : { so: soKyHieu.slice(0, slash).trim(), kyHieu: soKyHieu.slice(slash + 1).trim() };
}

function keepFiles(ctx: StoreContext, documentId: string, files: Den['files'] | Di['files']): void {
  const add = ctx.db.prepare(`INSERT OR IGNORE INTO replica_files (document_id, sha256, size) VALUES (?, ?, ?)`);
  for (const file of files) {
    add.run(documentId, file.sha256, file.size);
  }
}

function holds(ctx: StoreContext, table: 'incoming' | 'outgoing', id: string): boolean {
  return ctx.db.prepare(`SELECT 1 FROM ${table}_documents WHERE id = ?`).get(id) !== undefined;
}

/**
 * A registration made at another workstation: a document here already (it came through the
 * inbox, or it is ours) takes the organization's số đến; a paper or email document registered
 * elsewhere is copied as a replica so the sổ đến lists it. A trục document not here yet is left to
 * the inbox, which brings it with its registration.
 */
function applyRegistration(ctx: StoreContext, item: Den, now: Date): 'replicated' | 'adopted' | 'none' {
  const registration = { soDen: item.soDen, year: item.year, ngayDen: item.ngayDen, key: item.key };
  if (holds(ctx, 'incoming', item.documentId)) {
    return adoptRegistration(ctx, item.documentId, registration, 'inbox', now) === 'adopted' ? 'adopted' : 'none';
  }
  // A secret document never reaches the server; a server that listed one anyway is not believed.
  if (item.source === 'truc' || staysOnWorkstation(item.metadata.doMat ?? 0)) {
    return 'none';
  }
  const register = ctx.registers.ensure({ maDinhDanh: ctx.maDinhDanh, kind: 'den', year: item.year });
  if (
    ctx.db.prepare(`SELECT 1 FROM incoming_documents WHERE register_id = ? AND so_den = ?`).get(register.id, item.soDen)
  ) {
    // Never by the rules (the server gives each số đến once); the local row stays and the audit says why.
    appendAudit(
      ctx.db,
      {
        actor: 'sync',
        action: 'register.replica-clash',
        entity: 'incoming',
        entityId: item.documentId,
        details: { soDen: item.soDen, year: item.year },
      },
      now,
    );
    return 'none';
  }
  const m = item.metadata;
  const { so, kyHieu } = splitSoKyHieu(m.soKyHieu ?? '');
  const at = now.toISOString();
  ctx.db
    .prepare(
      `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ma_dinh_danh_van_ban, ten_loai, so, ky_hieu,
         ngay_ban_hanh, co_quan_ban_hanh, ma_co_quan_ban_hanh, trich_yeu, nguoi_ky, chuc_vu, do_khan, so_trang, source,
         state, replica, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'da-den', 1, ?, ?)`,
    )
    .run(
      item.documentId,
      register.id,
      item.soDen,
      item.ngayDen,
      m.maDinhDanhVanBan ?? null,
      text(m.tenLoai, 100, 'Văn bản'),
      text(so, 11, '0'),
      text(kyHieu, 30),
      text(m.ngayBanHanh, 10, item.ngayDen),
      text(m.coQuanBanHanh, 200, '—'),
      m.maCoQuanBanHanh ?? null,
      text(m.trichYeu, 500, '—'),
      text(m.nguoiKy, 50),
      text(m.chucVu, 100),
      Number.isInteger(m.doKhan) ? m.doKhan : 0,
      m.soTrang ?? null,
      item.source,
      at,
      at,
    );
  keepFiles(ctx, item.documentId, item.files);
  appendAudit(
    ctx.db,
    {
      actor: 'sync',
      action: 'incoming.replicate',
      entity: 'incoming',
      entityId: item.documentId,
      details: { soDen: item.soDen, year: item.year, key: item.key },
    },
    now,
  );
  return 'replicated';
}

/** A document another workstation issued: copied into the sổ đi under its number. */
function applyIssued(ctx: StoreContext, item: Di, now: Date): boolean {
  if (holds(ctx, 'outgoing', item.documentId)) {
    return false;
  }
  const { so, kyHieu } = splitSoKyHieu(item.soKyHieu);
  const number = Number(so);
  const year = Number(item.ngayBanHanh.slice(0, 4));
  if (!Number.isInteger(number) || number <= 0 || !Number.isInteger(year)) {
    return false;
  }
  const register = ctx.registers.ensure({ maDinhDanh: ctx.maDinhDanh, kind: 'di', year });
  if (ctx.db.prepare(`SELECT 1 FROM outgoing_documents WHERE register_id = ? AND so = ?`).get(register.id, number)) {
    return false;
  }
  const ten =
    (ctx.db.prepare(`SELECT ten FROM organizations WHERE ma_dinh_danh = ?`).pluck().get(ctx.maDinhDanh) as
      string | undefined) ?? ctx.maDinhDanh;
  const at = now.toISOString();
  ctx.db
    .prepare(
      `INSERT INTO outgoing_documents (id, register_id, so, ky_hieu, ten_loai, ngay_ban_hanh, ma_dinh_danh_van_ban,
         co_quan_ban_hanh, trich_yeu, chuc_vu, nguoi_ky, do_khan, state, replica, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'da-phat-hanh', 1, ?, ?)`,
    )
    .run(
      item.documentId,
      register.id,
      number,
      text(kyHieu, 30),
      text(item.tenLoai, 100, 'Văn bản'),
      item.ngayBanHanh,
      maDinhDanhVanBan(ctx.maDinhDanh, item.ngayBanHanh, item.soKyHieu),
      ten,
      text(item.trichYeu, 2000, '—'),
      text(item.chucVu, 100),
      text(item.nguoiKy, 50),
      Number.isInteger(item.doKhan) ? item.doKhan : 0,
      at,
      at,
    );
  const addRecipient = ctx.db.prepare(
    `INSERT OR IGNORE INTO outgoing_recipients (document_id, ma_dinh_danh, ten) VALUES (?, ?, ?)`,
  );
  for (const recipient of item.recipients) {
    addRecipient.run(item.documentId, recipient.maDinhDanh, recipient.ten);
  }
  keepFiles(ctx, item.documentId, item.files);
  appendAudit(
    ctx.db,
    {
      actor: 'sync',
      action: 'outgoing.replicate',
      entity: 'outgoing',
      entityId: item.documentId,
      details: { soKyHieu: item.soKyHieu, key: item.key },
    },
    now,
  );
  return true;
}

/**
 * The organization's registers on this workstation: each page of the server's feed and its cursor
 * in ONE transaction, so after a crash either both are here or neither (a page seen again changes
 * nothing: every entry is looked up by its document first).
 */
export function createStoreRegistersFeed(ctx: StoreContext): StoreRegistersFeed {
  return {
    registersCursor: () =>
      (ctx.db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(REGISTERS_CURSOR) as string | undefined) ??
      null,
    applyRegisters: (items, nextCursor) =>
      ctx.db
        .transaction((): RegistersApplied => {
          const now = ctx.clock();
          let replicated = 0;
          let adopted = 0;
          for (const item of items) {
            if (item.kind === 'den') {
              const outcome = applyRegistration(ctx, item, now);
              replicated += outcome === 'replicated' ? 1 : 0;
              adopted += outcome === 'adopted' ? 1 : 0;
            } else {
              replicated += applyIssued(ctx, item, now) ? 1 : 0;
            }
          }
          ctx.db
            .prepare(
              `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            )
            .run(REGISTERS_CURSOR, nextCursor);
          return { replicated, adopted };
        })
        .immediate(),
    replicaFiles: (documentId) =>
      ctx.db
        .prepare(`SELECT sha256, size FROM replica_files WHERE document_id = ? ORDER BY rowid`)
        .all(documentId) as RegisterFeedFile[],
    keepReplicaFiles: (documentId) =>
      ctx.db
        .transaction((): string | null => {
          const now = ctx.clock();
          const files = (
            ctx.db
              .prepare(`SELECT sha256, size FROM replica_files WHERE document_id = ? ORDER BY rowid`)
              .all(documentId) as RegisterFeedFile[]
          ).filter((file) => existsSync(attachmentPath(ctx.filesDir, file.sha256)));
          for (const file of files) {
            recordAttachment(ctx.db, file.sha256, file.size, 'application/pdf', now);
          }
          const first = files[0]?.sha256 ?? null;
          for (const table of ['incoming', 'outgoing'] as const) {
            ctx.db
              .prepare(
                `UPDATE ${table}_documents SET file_sha256 = coalesce(file_sha256, ?) WHERE id = ? AND replica = 1`,
              )
              .run(first, documentId);
          }
          return first;
        })
        .immediate(),
  };
}
