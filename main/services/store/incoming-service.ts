import { basename, extname } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type {
  DuplicateWarning,
  IncomingAddResult,
  IncomingDocument,
  IncomingInput,
} from '../../../preload/contract/incoming.ts';
import { incomingTransition } from '../../../preload/contract/workflow.ts';
import { INCOMING_STATUS_CODE, type IncomingState } from '../../domain/document-states.ts';
import { exportFileName } from '../../domain/file-name.ts';
import { staysOnWorkstation } from '../../domain/secrecy.ts';
import { vietnamDate, vietnamYear } from '../../domain/vietnam-time.ts';
import { readAttachmentSource, recordAttachment, writeAttachmentFile } from './attachments.ts';
import { admitArrival, leaveRegister } from './arrival-gate.ts';
import { checkScan, recordScanCheck } from './scan-gate.ts';
import { appendAudit } from './audit.ts';
import { getIncoming, soDenHienThi, type IncomingRow } from './incoming-rows.ts';
import { enqueueRegistration } from './registration-job.ts';
import type { ServerNumber } from '../../domain/numbering.ts';
import type { TakenNumber } from './register-service.ts';
import type { StoreContext } from './store-context.ts';

export interface IncomingFile {
  readonly path: string;
  readonly mediaType?: string;
  /** The source file (e.g. the .docx or the paper scan) kept beside the signed PDF [S-TN24 Điều 3 k6]. */
  readonly originalPath?: string;
  /** Why a paper document's scan below the digitisation standard is registered anyway (audited). */
  readonly scanReason?: string;
}

interface StagedFile {
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  readonly mediaType: string;
}

/** Write a file into the content-addressed store before the transaction (an orphan after a crash is harmless). */
function stageFile(ctx: StoreContext, path: string, mediaType = 'application/pdf'): StagedFile {
  const bytes = readAttachmentSource(path);
  const extension = extname(path).slice(1) || 'pdf';
  return {
    sha256: writeAttachmentFile(ctx.filesDir, bytes),
    size: bytes.byteLength,
    fileName: exportFileName(basename(path, extname(path)), extension),
    mediaType,
  };
}

/**
 * Inside the transaction: the attachment row and, unless the document stays on this workstation
 * (mật), its upload job, keyed by hash.
 */
function commitFile(ctx: StoreContext, file: StagedFile, now: Date, local: boolean): void {
  recordAttachment(ctx.db, file.sha256, file.size, file.mediaType, now);
  if (local) {
    return;
  }
  ctx.outbox.enqueue(
    {
      kind: 'file.upload',
      key: file.sha256,
      payload: { sha256: file.sha256, size: file.size, fileName: file.fileName },
    },
    now,
  );
}

/** Same mã định danh văn bản, or same số + ký hiệu + issuing organization [ND30-PL6 I]. */
export function findDuplicates(ctx: StoreContext, input: IncomingInput): DuplicateWarning[] {
  const warnings: DuplicateWarning[] = [];
  if (input.maDinhDanhVanBan !== null) {
    for (const row of ctx.db
      .prepare(`SELECT id, so_den, so_den_tam FROM incoming_documents WHERE ma_dinh_danh_van_ban = ?`)
      .all(input.maDinhDanhVanBan) as Pick<IncomingRow, 'id' | 'so_den' | 'so_den_tam'>[]) {
      warnings.push({ reason: 'ma-dinh-danh-van-ban', documentId: row.id, soDenHienThi: soDenHienThi(row) });
    }
  }
  for (const row of ctx.db
    .prepare(
      `SELECT id, so_den, so_den_tam FROM incoming_documents WHERE so = ? AND ky_hieu = ? AND co_quan_ban_hanh = ?`,
    )
    .all(input.so, input.kyHieu, input.coQuanBanHanh) as Pick<IncomingRow, 'id' | 'so_den' | 'so_den_tam'>[]) {
    if (!warnings.some((w) => w.documentId === row.id)) {
      warnings.push({ reason: 'so-ky-hieu-co-quan', documentId: row.id, soDenHienThi: soDenHienThi(row) });
    }
  }
  return warnings;
}

/**
 * How an online registration was numbered: the document's id chosen before the transaction (the
 * key the server's number was asked with) and the number the server gave, null when it could not
 * answer in time (the leased block serves, as offline).
 */
export interface OnlineRegistration {
  readonly id: string;
  readonly number: ServerNumber | null;
}

/** The server's number, when it is for the register the document goes into (not across New Year). */
function serverNumberFor(year: number, online: OnlineRegistration | undefined): TakenNumber | null {
  const number = online?.number ?? null;
  return number === null || number.year !== year
    ? null
    : { provisional: false, number: number.number, leaseId: 'server' };
}

/**
 * Register an incoming document: số đến from the register of the current year in Vietnam — the
 * server's next number when online (`online`), else the leased block's, provisional when no lease
 * is left — the file stored by hash, an audit entry and the outbox
 * jobs, all in one transaction. Duplicates are reported, not refused: the văn thư decides.
 */
export function addIncoming(
  ctx: StoreContext,
  input: IncomingInput,
  file?: IncomingFile,
  online?: OnlineRegistration,
): IncomingAddResult {
  const staged = file === undefined ? undefined : stageFile(ctx, file.path, file.mediaType);
  const original =
    file?.originalPath === undefined ? undefined : stageFile(ctx, file.originalPath, 'application/octet-stream');
  const sha256 = staged?.sha256 ?? null;
  const fileName = staged?.fileName ?? null;
  const scan =
    file === undefined || input.source !== 'giay' ? null : checkScan(file.path, file.scanReason, ctx.clock());
  return ctx.db
    .transaction((): IncomingAddResult => {
      const now = ctx.clock();
      const duplicates = findDuplicates(ctx, input);
      const register = ctx.registers.ensure({ maDinhDanh: ctx.maDinhDanh, kind: 'den', year: vietnamYear(now) });
      const taken =
        serverNumberFor(register.year, online) ?? ctx.registers.take(register.id, { allowProvisional: true });
      const id = online?.id ?? uuidv7();
      // A secret document is registered here and nowhere else: no upload, no registration job.
      const local = staysOnWorkstation(input.doMat);
      if (staged !== undefined) {
        commitFile(ctx, staged, now, local);
      }
      if (original !== undefined) {
        commitFile(ctx, original, now, local);
      }
      const at = now.toISOString();
      ctx.db
        .prepare(
          `INSERT INTO incoming_documents (id, register_id, so_den, so_den_tam, ngay_den, ma_dinh_danh_van_ban, ma_ho_so,
             ten_loai, so, ky_hieu, ngay_ban_hanh, co_quan_ban_hanh, ma_co_quan_ban_hanh, trich_yeu, ngon_ngu, so_trang,
             ghi_chu, chuc_vu, nguoi_ky, do_khan, do_mat, noi_nhan, han_xu_ly, source, state, file_sha256, original_sha256,
             file_name, created_at, updated_at)
           VALUES (@id, @registerId, @soDen, @soDenTam, @ngayDen, @maDinhDanhVanBan, @maHoSo, @tenLoai, @so, @kyHieu,
             @ngayBanHanh, @coQuanBanHanh, @maCoQuanBanHanh, @trichYeu, @ngonNgu, @soTrang, @ghiChu, @chucVu, @nguoiKy,
             @doKhan, @doMat, @noiNhan, @hanXuLy, @source, 'da-den', @fileSha256, @originalSha256, @fileName, @at, @at)`,
        )
        .run({
          ...input,
          id,
          registerId: register.id,
          soDen: taken.provisional ? null : taken.number,
          soDenTam: taken.provisional ? taken.number : null,
          ngayDen: vietnamDate(now),
          fileSha256: sha256,
          originalSha256: original?.sha256 ?? null,
          fileName,
          at,
        });
      if (scan !== null) {
        recordScanCheck(ctx, id, scan, file?.scanReason, now);
      }
      const document = getIncoming(ctx, id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.register',
          entity: 'incoming',
          entityId: id,
          details: {
            soDen: document.soDenHienThi,
            registerId: register.id,
            fileSha256: sha256,
            keptLocal: local,
            numberedBy: online?.number === undefined || online.number === null ? 'workstation' : 'server',
          },
        },
        now,
      );
      if (local) {
        return { document, duplicates };
      }
      enqueueRegistration(ctx, document, register.id, now);
      return { document, duplicates };
    })
    .immediate();
}

/**
 * Move an incoming document along a row of the workflow table (preload/contract/workflow.ts); the
 * sender hears about it through the outbox.
 * Tiếp nhận goes through the arrival check first and gives the số đến (arrival-gate.ts).
 */
export function transitionIncoming(
  ctx: StoreContext,
  id: string,
  to: IncomingState,
  note?: string,
  acceptReason?: string,
  online: ServerNumber | null = null,
): IncomingDocument {
  return ctx.db
    .transaction(() => {
      const current = getIncoming(ctx, id);
      if (ctx.db.prepare(`SELECT replica FROM incoming_documents WHERE id = ?`).pluck().get(id) === 1) {
        // Another workstation's registration, kept here for the organization's sổ: its work is done there.
        throw new VanthuError(
          'STATE_TRANSITION_INVALID',
          errorMessageVi('STATE_TRANSITION_INVALID', '(văn bản do máy khác của cơ quan đăng ký và xử lý)'),
          { details: { from: current.state, to, replica: true } },
        );
      }
      if (incomingTransition(current.state, to) === undefined) {
        throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
          details: { from: current.state, to },
        });
      }
      const now = ctx.clock();
      if (current.state === 'da-den' && to === 'da-tiep-nhan') {
        admitArrival(ctx, current, acceptReason, now, online);
      }
      const yKien = note === undefined ? current.yKien : `${current.yKien}${current.yKien === '' ? '' : '\n'}${note}`;
      ctx.db
        .prepare(`UPDATE incoming_documents SET state = ?, y_kien = ?, updated_at = ? WHERE id = ?`)
        .run(to, yKien, now.toISOString(), id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.transition',
          entity: 'incoming',
          entityId: id,
          details: { from: current.state, to },
        },
        now,
      );
      if (to === 'tra-lai') {
        leaveRegister(ctx, current, now);
      }
      const statusCode = INCOMING_STATUS_CODE[to];
      // The sender of a secret document hears nothing through the system: it never entered it.
      if (statusCode !== undefined && !staysOnWorkstation(current.doMat)) {
        ctx.outbox.enqueue(
          {
            kind: 'incoming.status',
            key: id,
            payload: { documentId: id, statusCode, reason: note ?? null, at: now.toISOString() },
          },
          now,
        );
      }
      return getIncoming(ctx, id);
    })
    .immediate();
}

/** Sync replaces a provisional number by the final one the server gave; the provisional stays recorded. */
export function finalizeProvisional(ctx: StoreContext, id: string, soDen: number): IncomingDocument {
  return ctx.db
    .transaction(() => {
      const current = getIncoming(ctx, id);
      if (current.soDen === soDen) {
        // Already learned from the inbox (the organization's registration was ours): nothing to do.
        return current;
      }
      if (current.soDen !== null) {
        throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
          details: { id, soDen: current.soDen },
        });
      }
      const now = ctx.clock();
      ctx.db
        .prepare(`UPDATE incoming_documents SET so_den = ?, updated_at = ? WHERE id = ?`)
        .run(soDen, now.toISOString(), id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.finalize-number',
          entity: 'incoming',
          entityId: id,
          details: { soDenTam: current.soDenTam, soDen },
        },
        now,
      );
      return getIncoming(ctx, id);
    })
    .immediate();
}

export function setVerification(ctx: StoreContext, id: string, verification: Record<string, unknown>): void {
  ctx.db
    .transaction(() => {
      const now = ctx.clock();
      const changed = ctx.db
        .prepare(`UPDATE incoming_documents SET verification = ?, updated_at = ? WHERE id = ?`)
        .run(JSON.stringify(verification), now.toISOString(), id).changes;
      if (changed !== 1) {
        throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id } });
      }
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.verify',
          entity: 'incoming',
          entityId: id,
          details: { verdict: verification['verdict'] ?? null },
        },
        now,
      );
    })
    .immediate();
}
