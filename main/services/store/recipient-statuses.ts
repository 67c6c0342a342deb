import {
  isRecipientStatusCode,
  latestStatuses,
  statusNeedsReason,
  type ReportedStatus,
} from '../../domain/recipient-status.ts';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './store-context.ts';

/** What sync brings back for one recipient of one published document (the API's shape). */
export interface RecipientReport {
  readonly maDinhDanh: string;
  readonly ten?: string;
  readonly statuses: readonly ReportedStatus[];
}

export interface RecipientStatusUpdate {
  readonly documentId: string;
  readonly recipients: readonly RecipientReport[];
}

export interface AppliedStatuses {
  /** New reports stored (a report already known is not counted). */
  readonly added: number;
  /** Reports refused: unknown document or code, 02 without a reason, a date that is not one. */
  readonly ignored: readonly { documentId: string; maDinhDanh: string; code: string; why: string }[];
}

/**
 * Apply what recipients reported, for any number of documents, in ONE transaction: every report
 * is kept in `recipient_statuses` (idempotent by recipient, code and time), and each recipient's
 * row shows its latest processing status and its answer to a recall. A page applied twice, or
 * reports arriving out of order, end in the same state.
 */
export function applyRecipientStatuses(ctx: StoreContext, updates: readonly RecipientStatusUpdate[]): AppliedStatuses {
  const { db } = ctx;
  const exists = db.prepare(`SELECT 1 FROM outgoing_documents WHERE id = ?`).pluck();
  const insert = db.prepare(
    `INSERT INTO recipient_statuses (document_id, ma_dinh_danh, code, reason, at, received_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const addRecipient = db.prepare(
    `INSERT INTO outgoing_recipients (document_id, ma_dinh_danh, ten) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const history = db.prepare(
    `SELECT code, reason, at FROM recipient_statuses WHERE document_id = ? AND ma_dinh_danh = ?`,
  );
  const show = db.prepare(
    `UPDATE outgoing_recipients SET status_code = ?, status_reason = ?, status_at = ?, recall_code = ?, recall_at = ?
     WHERE document_id = ? AND ma_dinh_danh = ?`,
  );
  return db
    .transaction((): AppliedStatuses => {
      const now = ctx.clock();
      const ignored: { documentId: string; maDinhDanh: string; code: string; why: string }[] = [];
      let added = 0;
      for (const update of updates) {
        if (exists.get(update.documentId) === undefined) {
          ignored.push({ documentId: update.documentId, maDinhDanh: '', code: '', why: 'unknown-document' });
          continue;
        }
        const changed: { maDinhDanh: string; code: string }[] = [];
        for (const recipient of update.recipients) {
          // The server may know a recipient added there (e.g. forwarded); show it rather than drop it.
          addRecipient.run(update.documentId, recipient.maDinhDanh, recipient.ten ?? recipient.maDinhDanh);
          for (const status of recipient.statuses) {
            const why = !isRecipientStatusCode(status.code)
              ? 'unknown-code'
              : statusNeedsReason(status.code) && (status.reason ?? '').trim() === ''
                ? 'missing-reason'
                : Number.isNaN(Date.parse(status.at))
                  ? 'bad-time'
                  : null;
            if (why !== null) {
              ignored.push({ documentId: update.documentId, maDinhDanh: recipient.maDinhDanh, code: status.code, why });
              continue;
            }
            const at = new Date(status.at).toISOString();
            const result = insert.run(
              update.documentId,
              recipient.maDinhDanh,
              status.code,
              status.reason,
              at,
              now.toISOString(),
            );
            if (result.changes === 1) {
              added += 1;
              changed.push({ maDinhDanh: recipient.maDinhDanh, code: status.code });
            }
          }
          const latest = latestStatuses(history.all(update.documentId, recipient.maDinhDanh) as ReportedStatus[]);
          show.run(
            latest.processing?.code ?? null,
            latest.processing?.reason ?? null,
            latest.processing?.at ?? null,
            latest.recall?.code ?? null,
            latest.recall?.at ?? null,
            update.documentId,
            recipient.maDinhDanh,
          );
        }
        if (changed.length > 0) {
          appendAudit(
            db,
            {
              actor: 'sync',
              action: 'outgoing.recipient-status',
              entity: 'outgoing',
              entityId: update.documentId,
              details: { reports: changed },
            },
            now,
          );
        }
      }
      return { added, ignored };
    })
    .immediate();
}

/**
 * Published documents some recipient may still report on: not every recipient has finished
 * (06) or returned it (02), or a recall waits for answers. Sync polls these.
 */
export function documentsAwaitingStatuses(ctx: StoreContext, limit = 200): string[] {
  return ctx.db
    .prepare(
      `SELECT d.id FROM outgoing_documents d
       WHERE (d.state = 'da-phat-hanh' AND EXISTS (SELECT 1 FROM outgoing_recipients r WHERE r.document_id = d.id
                AND (r.status_code IS NULL OR r.status_code NOT IN ('02', '06'))))
          OR (d.state = 'da-thu-hoi' AND EXISTS (SELECT 1 FROM outgoing_recipients r WHERE r.document_id = d.id
                AND r.recall_code IS NULL))
       ORDER BY d.updated_at LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
}
