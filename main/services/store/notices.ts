import { endOfVietnamDay } from '../../domain/deadlines.ts';
import { vietnamDate } from '../../domain/vietnam-time.ts';
import type { StoreContext } from './store-context.ts';

/** Something worth a desktop notification, claimed once (notices_sent) so it never repeats. */
export interface NoticeCandidate {
  readonly entity: 'incoming' | 'outgoing';
  readonly id: string;
  /** `khan-den` for an urgent arrival, `den-han:YYYY-MM-DD` for a step due that day. */
  readonly reason: string;
  readonly trichYeu: string;
  readonly doKhan: number;
  readonly dueRule: string | null;
  readonly dueAt: string | null;
}

/**
 * Urgent arrivals not yet announced, and steps that fall due today (Vietnam) not yet announced
 * today; recorded as announced in the same transaction, so a restart, a second sync round or a
 * second call never shows them again. Secret documents are announced too: the notice stays on
 * this workstation.
 */
export function claimNotices(ctx: StoreContext, limit = 20): NoticeCandidate[] {
  const now = ctx.clock();
  const today = vietnamDate(now);
  const endOfToday = endOfVietnamDay(today).toISOString();
  const dueReason = `den-han:${today}`;
  const record = ctx.db.prepare(
    `INSERT OR IGNORE INTO notices_sent (entity, entity_id, reason, sent_at) VALUES (?, ?, ?, ?)`,
  );
  const recordAll = (notices: readonly NoticeCandidate[]): void => {
    for (const notice of notices) {
      record.run(notice.entity, notice.id, notice.reason, now.toISOString());
    }
  };
  return ctx.db.transaction(() => {
    const urgent = ctx.db
      .prepare(
        `SELECT 'incoming' AS entity, id, 'khan-den' AS reason, trich_yeu AS trichYeu, do_khan AS doKhan,
           due_rule AS dueRule, due_at AS dueAt
         FROM incoming_documents d WHERE state = 'da-den' AND do_khan >= 1 AND replica = 0
           AND NOT EXISTS (SELECT 1 FROM notices_sent n WHERE n.entity = 'incoming' AND n.entity_id = d.id AND n.reason = 'khan-den')
         ORDER BY doc_no LIMIT ?`,
      )
      .all(limit) as NoticeCandidate[];
    // Recorded first: an urgent arrival is also due today, and is announced once.
    recordAll(urgent);
    const dueToday = (['incoming', 'outgoing'] as const).flatMap(
      (entity) =>
        ctx.db
          .prepare(
            `SELECT '${entity}' AS entity, id, ? AS reason, trich_yeu AS trichYeu, do_khan AS doKhan,
               due_rule AS dueRule, due_at AS dueAt
             FROM ${entity}_documents d WHERE due_at IS NOT NULL AND due_at >= ? AND due_at <= ?
               AND NOT EXISTS (SELECT 1 FROM notices_sent n WHERE n.entity = '${entity}' AND n.entity_id = d.id
                 AND n.reason IN (?, 'khan-den'))
             ORDER BY due_at LIMIT ?`,
          )
          .all(dueReason, now.toISOString(), endOfToday, dueReason, limit) as NoticeCandidate[],
    );
    recordAll(dueToday);
    return [...urgent, ...dueToday];
  })();
}
