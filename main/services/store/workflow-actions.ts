import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type {
  AssignmentInput,
  IncomingAssignment,
  IncomingAttachment,
  IncomingDocument,
} from '../../../preload/contract/incoming.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { outgoingTransition } from '../../../preload/contract/workflow.ts';
import { readAttachment } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { getIncoming } from './incoming-rows.ts';
import { transitionIncoming } from './incoming-service.ts';
import { getOutgoing, invalidMove } from './outgoing-service.ts';
import type { StoreContext } from './store-context.ts';

/** A document being handled may be re-assigned (another lead, a new deadline) without a state change. */
const REASSIGNABLE = new Set(['phan-cong', 'dang-xu-ly']);

interface AssignmentRow {
  chu_tri: string;
  phoi_hop: string;
  han_xu_ly: string | null;
  y_kien: string;
  assigned_by: string;
  assigned_at: string;
}

function toAssignment(row: AssignmentRow): IncomingAssignment {
  return {
    chuTri: row.chu_tri,
    phoiHop: JSON.parse(row.phoi_hop) as string[],
    hanXuLy: row.han_xu_ly,
    yKien: row.y_kien,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at,
  };
}

export function getAssignment(ctx: StoreContext, id: string): IncomingAssignment | null {
  getIncoming(ctx, id);
  const row = ctx.db
    .prepare(`SELECT * FROM incoming_assignments WHERE incoming_id = ? ORDER BY seq DESC LIMIT 1`)
    .get(id) as AssignmentRow | undefined;
  return row === undefined ? null : toAssignment(row);
}

/**
 * Phân công: from đã trình the document moves to phân công (the transition queues status 04 for
 * the sender); the assignment itself is local — the Trục has no message for it. The deadline
 * becomes the document's hạn xử lý so the overdue filter follows it.
 */
export function assignIncoming(
  ctx: StoreContext,
  id: string,
  input: AssignmentInput,
): { document: IncomingDocument; assignment: IncomingAssignment } {
  return ctx.db
    .transaction(() => {
      const current = getIncoming(ctx, id);
      if (current.state === 'da-trinh') {
        transitionIncoming(ctx, id, 'phan-cong', input.yKien === '' ? undefined : input.yKien);
      } else if (!REASSIGNABLE.has(current.state)) {
        throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
          details: { from: current.state, to: 'phan-cong' },
        });
      }
      const at = ctx.clock().toISOString();
      ctx.db
        .prepare(
          `INSERT INTO incoming_assignments (incoming_id, chu_tri, phoi_hop, han_xu_ly, y_kien, assigned_by, assigned_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.chuTri, JSON.stringify(input.phoiHop), input.hanXuLy, input.yKien, ctx.actor, at);
      if (input.hanXuLy !== null) {
        ctx.db
          .prepare(`UPDATE incoming_documents SET han_xu_ly = ?, updated_at = ? WHERE id = ?`)
          .run(input.hanXuLy, at, id);
      }
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.assign',
          entity: 'incoming',
          entityId: id,
          details: { chuTri: input.chuTri, phoiHop: input.phoiHop, hanXuLy: input.hanXuLy },
        },
        new Date(at),
      );
      const assignment = getAssignment(ctx, id);
      if (assignment === null) {
        throw new Error('assignment row missing right after insert');
      }
      return { document: getIncoming(ctx, id), assignment };
    })
    .immediate();
}

/**
 * Trả lại dự thảo: trình ký → dự thảo, the comment kept for the drafter and in the audit chain.
 * `returnedBy`: the leader who returned it at their own workstation (the step arrived here); else this profile's.
 */
export function returnOutgoing(ctx: StoreContext, id: string, comment: string, returnedBy?: string): OutgoingDocument {
  return ctx.db
    .transaction(() => {
      const doc = getOutgoing(ctx, id);
      const row = outgoingTransition(doc.state, 'outgoing.return');
      if (row === undefined) {
        throw invalidMove(doc.state, 'outgoing.return');
      }
      const at = ctx.clock().toISOString();
      ctx.db.prepare(`UPDATE outgoing_documents SET state = ?, updated_at = ? WHERE id = ?`).run(row.to, at, id);
      ctx.db
        .prepare(`INSERT INTO outgoing_returns (outgoing_id, comment, returned_by, returned_at) VALUES (?, ?, ?, ?)`)
        .run(id, comment, returnedBy ?? ctx.actor, at);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'outgoing.return',
          entity: 'outgoing',
          entityId: id,
          details: { from: doc.state, to: row.to, comment, ...(returnedBy === undefined ? {} : { returnedBy }) },
        },
        new Date(at),
      );
      return getOutgoing(ctx, id);
    })
    .immediate();
}

export function outgoingReturns(
  ctx: StoreContext,
  id: string,
): { comment: string; returnedBy: string; returnedAt: string }[] {
  getOutgoing(ctx, id);
  const rows = ctx.db
    .prepare(`SELECT comment, returned_by, returned_at FROM outgoing_returns WHERE outgoing_id = ? ORDER BY seq`)
    .all(id) as { comment: string; returned_by: string; returned_at: string }[];
  return rows.map((r) => ({ comment: r.comment, returnedBy: r.returned_by, returnedAt: r.returned_at }));
}

/** The stored file (by hash, so what is shown is what was registered) and the kept verdict. */
export function incomingAttachment(ctx: StoreContext, id: string): IncomingAttachment {
  const row = ctx.db
    .prepare(
      `SELECT d.file_sha256, d.file_name, d.verification, a.size, a.media_type
         FROM incoming_documents d LEFT JOIN attachments a ON a.sha256 = d.file_sha256 WHERE d.id = ?`,
    )
    .get(id) as
    | {
        file_sha256: string | null;
        file_name: string | null;
        verification: string | null;
        size: number | null;
        media_type: string | null;
      }
    | undefined;
  if (row === undefined) {
    throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id } });
  }
  if (row.file_sha256 === null) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', '(văn bản giấy chưa có bản quét)'), {
      details: { id },
    });
  }
  const bytes = readAttachment(ctx.filesDir, row.file_sha256);
  return {
    fileName: row.file_name ?? `${row.file_sha256}.pdf`,
    sha256: row.file_sha256,
    mediaType: row.media_type ?? 'application/pdf',
    size: bytes.byteLength,
    base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    verification: row.verification === null ? null : (JSON.parse(row.verification) as Record<string, unknown>),
  };
}
