import { rmSync } from 'node:fs';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { attachmentPath } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { getIncoming } from './incoming-rows.ts';
import type { StoreContext } from './store-context.ts';

/** Whether any other record still names the file (the store is content-addressed: one copy serves all). */
function stillUsed(ctx: StoreContext, sha256: string, id: string): boolean {
  return (
    ctx.db
      .prepare(
        `SELECT 1 FROM incoming_documents WHERE id <> @id AND (file_sha256 = @sha OR original_sha256 = @sha)
         UNION ALL SELECT 1 FROM incoming_appendices WHERE incoming_id <> @id AND sha256 = @sha
         UNION ALL SELECT 1 FROM outgoing_documents WHERE file_sha256 = @sha OR original_sha256 = @sha
         UNION ALL SELECT 1 FROM outgoing_appendices WHERE sha256 = @sha
         UNION ALL SELECT 1 FROM outgoing_files WHERE sha256 = @sha
         LIMIT 1`,
      )
      .get({ id, sha: sha256 }) !== undefined
  );
}

/**
 * A recalled document's files leave this workstation once the văn thư confirms [QĐ 28 Điều 9 k2]:
 * the record, its hashes and the audit entries stay; the bytes go. Recorded first, deleted after
 * the commit, so a crash between leaves at worst an orphan file, never a record pointing nowhere
 * without saying so.
 */
export function removeRecalledFile(ctx: StoreContext, id: string): IncomingDocument {
  const { document, files } = ctx.db
    .transaction(() => {
      const current = getIncoming(ctx, id);
      if (current.state !== 'thu-hoi') {
        throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
          details: { id, state: current.state },
        });
      }
      const appendixFiles = (
        ctx.db.prepare(`SELECT sha256 FROM incoming_appendices WHERE incoming_id = ?`).all(id) as { sha256: string }[]
      ).map((row) => row.sha256);
      const own = [current.fileSha256, ...appendixFiles].filter((sha): sha is string => sha !== null);
      const now = ctx.clock();
      if (!current.fileRemoved) {
        ctx.db
          .prepare(`UPDATE incoming_documents SET file_removed_at = ?, updated_at = ? WHERE id = ?`)
          .run(now.toISOString(), now.toISOString(), id);
        appendAudit(
          ctx.db,
          {
            actor: ctx.actor,
            action: 'incoming.recalled-file-removed',
            entity: 'incoming',
            entityId: id,
            details: { files: own },
          },
          now,
        );
      }
      return { document: getIncoming(ctx, id), files: own.filter((sha) => !stillUsed(ctx, sha, id)) };
    })
    .immediate();
  for (const sha of files) {
    rmSync(attachmentPath(ctx.filesDir, sha), { force: true });
  }
  return document;
}
