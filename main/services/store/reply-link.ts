import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { appendAudit } from './audit.ts';
import { getIncoming } from './incoming-rows.ts';
import type { StoreContext } from './store-context.ts';

/**
 * Link an incoming document to the outgoing one it answers (or unlink it with null). The
 * `incoming_reply` trigger (migration 011) settles the outgoing document's hạn trả lời.
 */
export function linkReply(ctx: StoreContext, incomingId: string, outgoingId: string | null): IncomingDocument {
  return ctx.db
    .transaction(() => {
      const current = getIncoming(ctx, incomingId);
      if (outgoingId !== null) {
        const exists = ctx.db.prepare(`SELECT 1 FROM outgoing_documents WHERE id = ?`).get(outgoingId);
        if (exists === undefined) {
          throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id: outgoingId } });
        }
      }
      const now = ctx.clock();
      ctx.db
        .prepare(`UPDATE incoming_documents SET tra_loi_cho = ?, updated_at = ? WHERE id = ?`)
        .run(outgoingId, now.toISOString(), incomingId);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.linkReply',
          entity: 'incoming',
          entityId: incomingId,
          details: { from: current.traLoiCho ?? null, to: outgoingId },
        },
        now,
      );
      return getIncoming(ctx, incomingId);
    })
    .immediate();
}
