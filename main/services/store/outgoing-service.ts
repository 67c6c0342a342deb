import { v7 as uuidv7 } from 'uuid';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { OutgoingDocument, OutgoingInput } from '../../../preload/contract/outgoing.ts';
import {
  outgoingStep,
  outgoingTransition,
  type OutgoingMove,
  type OutgoingState,
} from '../../../preload/contract/workflow.ts';
import { exportFileName } from '../../domain/file-name.ts';
import { maDinhDanhVanBan } from '../../domain/ma-dinh-danh.ts';
import { staysOnWorkstation } from '../../domain/secrecy.ts';
import type { ServerNumber } from '../../domain/numbering.ts';
import { formatSoKyHieu } from '../../domain/so-ky-hieu.ts';
import { vietnamDate, vietnamYear } from '../../domain/vietnam-time.ts';
import { outgoingAppendixRows } from './appendix-rows.ts';
import { readAttachmentSource, recordAttachment, writeAttachmentFile } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { dueOfRow, listOrder } from './due-rows.ts';
import type { StoreContext } from './store-context.ts';
import { statement } from './statements.ts';

interface OutgoingRow {
  id: string;
  register_id: string;
  so: number | null;
  ky_hieu: string;
  ten_loai: string;
  ngay_ban_hanh: string | null;
  ma_dinh_danh_van_ban: string | null;
  ma_ho_so: string | null;
  co_quan_ban_hanh: string;
  trich_yeu: string;
  ngon_ngu: string;
  so_trang: number | null;
  ghi_chu: string;
  chuc_vu: string;
  nguoi_ky: string;
  do_khan: number;
  do_mat: number;
  so_luong_ban: number;
  han_tra_loi: string | null;
  noi_luu: string;
  state: OutgoingState;
  file_sha256: string | null;
  recall_reason: string | null;
  recalled_at: string | null;
  created_at: string;
  updated_at: string;
  due_rule: string | null;
  due_at: string | null;
  due_immediate: number;
}

interface RecipientRow {
  ma_dinh_danh: string;
  ten: string;
  status_code: string | null;
  status_at: string | null;
  status_reason: string | null;
  recall_code: string | null;
  recall_at: string | null;
}

/** Refused by the workflow table: `action` cannot be taken from the document's state. */
export function invalidMove(from: OutgoingDocument['state'], action: OutgoingMove): VanthuError {
  return new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
    details: { from, to: outgoingStep(action).to },
  });
}

export function getOutgoing(ctx: StoreContext, id: string): OutgoingDocument {
  const row = statement(ctx.db, `SELECT * FROM outgoing_documents WHERE id = ?`).get(id) as OutgoingRow | undefined;
  if (row === undefined) {
    throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id } });
  }
  const register = ctx.registers.get(row.register_id);
  const recipients = statement(
    ctx.db,
    `SELECT ma_dinh_danh, ten, status_code, status_at, status_reason, recall_code, recall_at
       FROM outgoing_recipients WHERE document_id = ? ORDER BY rowid`,
  ).all(id) as RecipientRow[];
  return {
    id: row.id,
    registerId: row.register_id,
    so: row.so,
    soKyHieu: row.so === null ? null : formatSoKyHieu(row.so, row.ky_hieu),
    ngayBanHanh: row.ngay_ban_hanh,
    maDinhDanhVanBan: row.ma_dinh_danh_van_ban,
    tenLoai: row.ten_loai,
    kyHieu: row.ky_hieu,
    trichYeu: row.trich_yeu,
    coQuanBanHanh: row.co_quan_ban_hanh,
    maHoSo: row.ma_ho_so,
    ngonNgu: row.ngon_ngu,
    soTrang: row.so_trang,
    ghiChu: row.ghi_chu,
    chucVu: row.chuc_vu,
    nguoiKy: row.nguoi_ky,
    doKhan: row.do_khan,
    doMat: row.do_mat,
    soLuongBan: row.so_luong_ban,
    hanTraLoi: row.han_tra_loi,
    noiLuu: row.noi_luu,
    series: register?.series ?? '',
    state: row.state,
    fileSha256: row.file_sha256,
    recallReason: row.recall_reason,
    recall:
      row.state === 'da-thu-hoi'
        ? {
            recalledAt: row.recalled_at,
            reason: row.recall_reason ?? '',
            agreed: recipients.filter((r) => r.recall_code === '15').length,
            refused: recipients.filter((r) => r.recall_code === '16').length,
            waiting: recipients.filter((r) => r.recall_code === null).length,
          }
        : null,
    recipients: recipients.map((r) => ({
      maDinhDanh: r.ma_dinh_danh,
      ten: r.ten,
      statusCode: r.status_code,
      statusAt: r.status_at,
      statusReason: r.status_reason,
      recallCode: r.recall_code,
      recallAt: r.recall_at,
    })),
    appendices: outgoingAppendixRows(ctx.db, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    due: dueOfRow(row, ctx.clock()),
  };
}

export interface OutgoingListFilter {
  state?: OutgoingState;
  states?: readonly OutgoingState[];
  overdue?: boolean;
  order?: 'moi-nhat' | 'khan-truoc';
  limit?: number;
}

export function listOutgoing(ctx: StoreContext, filter: OutgoingListFilter = {}): OutgoingDocument[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const states = filter.states ?? (filter.state === undefined ? undefined : [filter.state]);
  if (states !== undefined && states.length > 0) {
    where.push(`state IN (${states.map(() => '?').join(', ')})`);
    params.push(...states);
  }
  if (filter.overdue === true) {
    where.push(`due_at IS NOT NULL AND due_at < ?`);
    params.push(ctx.clock().toISOString());
  }
  const order = listOrder(filter.order, ctx.clock());
  const ids = ctx.db
    .prepare(
      `SELECT id FROM outgoing_documents ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY ${order.sql} LIMIT ?`,
    )
    .pluck()
    .all(...params, ...order.params, filter.limit ?? 100) as string[];
  return ids.map((id) => getOutgoing(ctx, id));
}

/** A draft; its register is chosen now (the series) but the number only at cấp số. */
export function createOutgoing(ctx: StoreContext, input: OutgoingInput): OutgoingDocument {
  return ctx.db
    .transaction(() => {
      const now = ctx.clock();
      const register = ctx.registers.ensure({
        maDinhDanh: ctx.maDinhDanh,
        kind: 'di',
        year: vietnamYear(now),
        series: input.series,
      });
      const id = uuidv7();
      const at = now.toISOString();
      ctx.db
        .prepare(
          `INSERT INTO outgoing_documents (id, register_id, ky_hieu, ten_loai, ma_ho_so, co_quan_ban_hanh, trich_yeu, ngon_ngu,
             so_trang, ghi_chu, chuc_vu, nguoi_ky, do_khan, do_mat, so_luong_ban, han_tra_loi, noi_luu, state, created_at, updated_at)
           VALUES (@id, @registerId, @kyHieu, @tenLoai, @maHoSo, @coQuanBanHanh, @trichYeu, @ngonNgu, @soTrang, @ghiChu, @chucVu,
             @nguoiKy, @doKhan, @doMat, @soLuongBan, @hanTraLoi, @noiLuu, 'du-thao', @at, @at)`,
        )
        .run({ ...input, id, registerId: register.id, at });
      const addRecipient = ctx.db.prepare(
        `INSERT INTO outgoing_recipients (document_id, ma_dinh_danh, ten) VALUES (?, ?, ?)`,
      );
      for (const r of input.recipients) {
        addRecipient.run(id, r.maDinhDanh, r.ten);
      }
      appendAudit(ctx.db, { actor: ctx.actor, action: 'outgoing.create', entity: 'outgoing', entityId: id }, now);
      return getOutgoing(ctx, id);
    })
    .immediate();
}

/**
 * One step of the workflow table (preload/contract/workflow.ts) with its audit entry: the state
 * it leads to is the table's; `extra` sets columns in the same transaction.
 */
export function moveOutgoing(
  ctx: StoreContext,
  id: string,
  action: OutgoingMove,
  extra: (doc: OutgoingDocument, now: Date) => Record<string, unknown> = () => ({}),
): OutgoingDocument {
  return ctx.db
    .transaction(() => {
      const doc = getOutgoing(ctx, id);
      const row = outgoingTransition(doc.state, action);
      if (row === undefined) {
        throw invalidMove(doc.state, action);
      }
      const to = row.to;
      const now = ctx.clock();
      const fields = extra(doc, now);
      const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
      statement(
        ctx.db,
        `UPDATE outgoing_documents SET ${[...sets, 'state = @state', 'updated_at = @at'].join(', ')} WHERE id = @id`,
      ).run({ ...fields, state: to, at: now.toISOString(), id });
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: `outgoing.${to}`,
          entity: 'outgoing',
          entityId: id,
          details: { from: doc.state, ...fields },
        },
        now,
      );
      return getOutgoing(ctx, id);
    })
    .immediate();
}

function storeFile(ctx: StoreContext, path: string): string {
  const bytes = readAttachmentSource(path);
  const sha256 = writeAttachmentFile(ctx.filesDir, bytes);
  recordAttachment(ctx.db, sha256, bytes.byteLength, 'application/pdf', ctx.clock());
  return sha256;
}

export const submitOutgoing = (ctx: StoreContext, id: string): OutgoingDocument =>
  moveOutgoing(ctx, id, 'outgoing.submit');

/** The leader has signed (personal signature); the signed PDF is kept beside the draft. */
export function markSigned(ctx: StoreContext, id: string, filePath: string): OutgoingDocument {
  const sha256 = storeFile(ctx, filePath);
  return moveOutgoing(ctx, id, 'outgoing.sign', () => ({ file_sha256: sha256 }));
}

/**
 * Cấp số: the next final number of the document's register, today's date in Vietnam and the
 * mã định danh văn bản. Never provisional: without a lease this fails with NUMBER_UNAVAILABLE
 * and nothing changes.
 */
export function issueNumber(ctx: StoreContext, id: string): OutgoingDocument {
  return moveOutgoing(ctx, id, 'outgoing.issueNumber', (doc, now) => takeNumber(ctx, doc, now));
}

/**
 * The columns cấp số sets: the next final number of the document's register (this year's, for
 * a draft from last year; the server's when online, else the leased block's), the date in Vietnam
 * and the mã định danh văn bản. Inside the caller's
 * transaction, so a number taken is recorded or not taken at all.
 */
export function takeNumber(
  ctx: StoreContext,
  doc: OutgoingDocument,
  now: Date,
  online: ServerNumber | null = null,
): Record<string, unknown> {
  const register = ctx.registers.get(doc.registerId);
  const year = vietnamYear(now);
  const target =
    register !== undefined && register.year === year
      ? register
      : ctx.registers.ensure({ maDinhDanh: ctx.maDinhDanh, kind: 'di', year, series: doc.series });
  // The server's number when it answered in time (online, in order), for the main series it keeps.
  const fromServer = online !== null && online.year === target.year && target.series === '';
  const taken = fromServer ? { number: online.number } : ctx.registers.take(target.id, { allowProvisional: false });
  const ngay = vietnamDate(now);
  return {
    register_id: target.id,
    so: taken.number,
    ngay_ban_hanh: ngay,
    ma_dinh_danh_van_ban: maDinhDanhVanBan(ctx.maDinhDanh, ngay, formatSoKyHieu(taken.number, doc.kyHieu)),
  };
}

/** The organization signature is applied; the sealed PDF replaces the signed one as the document's file. */
export function markSealed(ctx: StoreContext, id: string, filePath: string): OutgoingDocument {
  const sha256 = storeFile(ctx, filePath);
  return moveOutgoing(ctx, id, 'outgoing.seal', () => ({ file_sha256: sha256 }));
}

/** A secret document is sent on paper, never through the system (domain/secrecy.ts). */
function refuseSecret(doc: OutgoingDocument): void {
  if (staysOnWorkstation(doc.doMat)) {
    throw new VanthuError('SECRET_STAYS_LOCAL', errorMessageVi('SECRET_STAYS_LOCAL'), {
      details: { documentId: doc.id, doMat: doc.doMat },
    });
  }
}

/** Phát hành: queue the upload and the publication to every recipient, in the same transaction. */
export function publishOutgoing(ctx: StoreContext, id: string): OutgoingDocument {
  return ctx.db.transaction(() => {
    const before = getOutgoing(ctx, id);
    refuseSecret(before);
    if (before.recipients.length === 0 || before.fileSha256 === null || before.maDinhDanhVanBan === null) {
      throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', '(cần nơi nhận và tệp đã đóng dấu)'));
    }
    const doc = moveOutgoing(ctx, id, 'outgoing.publish');
    const now = ctx.clock();
    const sha256 = before.fileSha256;
    const size = ctx.db.prepare(`SELECT size FROM attachments WHERE sha256 = ?`).pluck().get(sha256) as number;
    const fileName = exportFileName(`${doc.tenLoai} ${doc.soKyHieu ?? ''}`);
    ctx.outbox.enqueue({ kind: 'file.upload', key: sha256, payload: { sha256, size, fileName } }, now);
    // Its phụ lục go with it [ND30 Phụ lục I, I.III.1]: uploaded the same resumable way, listed in the publication.
    for (const appendix of before.appendices) {
      ctx.outbox.enqueue(
        {
          kind: 'file.upload',
          key: appendix.sha256,
          payload: { sha256: appendix.sha256, size: appendix.size, fileName: appendix.fileName },
        },
        now,
      );
    }
    ctx.outbox.enqueue(
      {
        kind: 'outgoing.publish',
        key: id,
        payload: {
          documentId: id,
          maDinhDanhVanBan: before.maDinhDanhVanBan,
          recipients: before.recipients.map((r) => ({ maDinhDanh: r.maDinhDanh, ten: r.ten })),
          signedSha256: sha256,
          appendices: before.appendices.map((a) => ({ sha256: a.sha256, title: a.title, fileName: a.fileName })),
          metadata: {
            soKyHieu: doc.soKyHieu ?? '',
            ngayBanHanh: doc.ngayBanHanh ?? '',
            tenLoai: doc.tenLoai,
            trichYeu: doc.trichYeu,
            nguoiKy: doc.nguoiKy,
            chucVu: doc.chucVu,
            doKhan: doc.doKhan,
          },
        },
      },
      now,
    );
    return doc;
  })();
}

/** Thu hồi: the document and its metadata are frozen; recipients are told through the outbox. */
export function recallOutgoing(ctx: StoreContext, id: string, reason: string): OutgoingDocument {
  return ctx.db.transaction(() => {
    refuseSecret(getOutgoing(ctx, id));
    const doc = moveOutgoing(ctx, id, 'outgoing.recall', (_doc, now) => ({
      recall_reason: reason,
      recalled_at: now.toISOString(),
    }));
    ctx.outbox.enqueue(
      {
        kind: 'outgoing.recall',
        key: id,
        payload: { documentId: id, maDinhDanhVanBan: doc.maDinhDanhVanBan ?? '', reason },
      },
      ctx.clock(),
    );
    return doc;
  })();
}
