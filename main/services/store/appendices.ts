import type { Appendix } from '../../../preload/contract/appendices.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { OutgoingState } from '../../domain/document-states.ts';
import { exportFileName } from '../../domain/file-name.ts';
import { incomingAppendixRows, outgoingAppendixRows } from './appendix-rows.ts';
import { readAttachment, readAttachmentSource, recordAttachment, writeAttachmentFile } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { getIncoming } from './incoming-rows.ts';
import { getOutgoing } from './outgoing-service.ts';
import type { StoreContext } from './store-context.ts';

/**
 * An appendix is signed with the document's số, ký hiệu, so it can be added once the document
 * is numbered, and only until it is published: after that it would never be sent.
 */
const APPENDABLE: ReadonlySet<OutgoingState> = new Set(['da-cap-so', 'da-dong-dau']);
/** Published (or recalled) appendices went out with the document: removing them would rewrite history. */
const SENT: ReadonlySet<OutgoingState> = new Set(['da-phat-hanh', 'da-thu-hoi']);

/** What one publication carries (the outbox job and the server accept as many). */
export const MAX_APPENDICES = 50;

/** A stored file of a document, read back by hash (what is shown is what is kept and sent). */
export interface StoredAppendixFile {
  readonly fileName: string;
  readonly title: string;
  readonly sha256: string;
  readonly size: number;
  readonly base64: string;
}

function refused(from: OutgoingState, action: string): VanthuError {
  return new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
    details: { from, to: action },
  });
}

/**
 * Attach a (signed) appendix file to an outgoing document. The bytes are written under their
 * hash first (fsync + rename; an orphan file after a crash is harmless, see attachments.ts), then
 * ONE transaction checks the state and records the attachment, the appendix row and the audit
 * entry: after a crash the document either lists the appendix or does not, never half of it.
 */
export function attachOutgoingAppendix(
  ctx: StoreContext,
  id: string,
  input: { readonly path: string; readonly title: string; readonly signed: boolean },
): Appendix {
  const bytes = readAttachmentSource(input.path);
  const sha256 = writeAttachmentFile(ctx.filesDir, bytes);
  return ctx.db
    .transaction((): Appendix => {
      const doc = getOutgoing(ctx, id);
      if (!APPENDABLE.has(doc.state) || doc.soKyHieu === null) {
        throw refused(doc.state, 'phu-luc');
      }
      if (doc.appendices.length >= MAX_APPENDICES) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', `(tối đa ${MAX_APPENDICES} phụ lục)`));
      }
      if (sha256 === doc.fileSha256 || doc.appendices.some((a) => a.sha256 === sha256)) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', '(tệp này đã có trong văn bản)'), {
          details: { sha256 },
        });
      }
      const now = ctx.clock();
      const position = Math.max(0, ...doc.appendices.map((a) => a.position)) + 1;
      const fileName = exportFileName(`Phu luc ${position} ${doc.soKyHieu}`);
      recordAttachment(ctx.db, sha256, bytes.byteLength, 'application/pdf', now);
      ctx.db
        .prepare(
          `INSERT INTO outgoing_appendices (outgoing_id, position, kind, title, sha256, file_name, signed, added_by, added_at)
           VALUES (?, ?, 'phu-luc', ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, position, input.title, sha256, fileName, input.signed ? 1 : 0, ctx.actor, now.toISOString());
      ctx.db.prepare(`UPDATE outgoing_documents SET updated_at = ? WHERE id = ?`).run(now.toISOString(), id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'outgoing.appendix.add',
          entity: 'outgoing',
          entityId: id,
          details: { position, title: input.title, sha256, signed: input.signed },
        },
        now,
      );
      const added = outgoingAppendixRows(ctx.db, id).find((a) => a.position === position);
      if (added === undefined) {
        throw new Error('appendix row missing right after insert');
      }
      return added;
    })
    .immediate();
}

/** Undo an appendix that has not been sent; the file stays in the store (content-addressed, maybe shared). */
export function removeOutgoingAppendix(ctx: StoreContext, id: string, sha256: string): Appendix[] {
  return ctx.db
    .transaction((): Appendix[] => {
      const doc = getOutgoing(ctx, id);
      if (SENT.has(doc.state)) {
        throw refused(doc.state, 'xoa-phu-luc');
      }
      const appendix = doc.appendices.find((a) => a.sha256 === sha256);
      if (appendix === undefined) {
        throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id, sha256 } });
      }
      const now = ctx.clock();
      ctx.db.prepare(`DELETE FROM outgoing_appendices WHERE outgoing_id = ? AND sha256 = ?`).run(id, sha256);
      ctx.db.prepare(`UPDATE outgoing_documents SET updated_at = ? WHERE id = ?`).run(now.toISOString(), id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'outgoing.appendix.remove',
          entity: 'outgoing',
          entityId: id,
          details: { position: appendix.position, title: appendix.title, sha256 },
        },
        now,
      );
      return outgoingAppendixRows(ctx.db, id);
    })
    .immediate();
}

function storedFile(ctx: StoreContext, appendix: Appendix | undefined, ref: Record<string, string>) {
  if (appendix === undefined) {
    throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: ref });
  }
  const bytes = readAttachment(ctx.filesDir, appendix.sha256);
  return {
    fileName: appendix.fileName,
    title: appendix.title,
    sha256: appendix.sha256,
    size: bytes.byteLength,
    base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

export function outgoingAppendixFile(ctx: StoreContext, id: string, sha256: string): StoredAppendixFile {
  getOutgoing(ctx, id);
  const appendix = outgoingAppendixRows(ctx.db, id).find((a) => a.sha256 === sha256);
  return storedFile(ctx, appendix, { id, sha256 });
}

export function incomingAppendices(ctx: StoreContext, id: string): Appendix[] {
  getIncoming(ctx, id);
  return incomingAppendixRows(ctx.db, id);
}

export function incomingAppendixFile(ctx: StoreContext, id: string, sha256: string): StoredAppendixFile {
  const appendix = incomingAppendices(ctx, id).find((a) => a.sha256 === sha256);
  return storedFile(ctx, appendix, { id, sha256 });
}

/** A received appendix (already downloaded and verified by hash), as the sender listed it. */
export interface ReceivedAppendix {
  readonly sha256: string;
  readonly size: number;
  readonly name: string;
  readonly title?: string | undefined;
}

/**
 * Keep the appendices that arrived with an incoming document, in the sender's order. Runs inside
 * the inbox transaction that adds the document, so they arrive with it or not at all.
 */
export function recordIncomingAppendices(
  ctx: StoreContext,
  incomingId: string,
  files: readonly ReceivedAppendix[],
  now: Date,
): void {
  const insert = ctx.db.prepare(
    `INSERT INTO incoming_appendices (incoming_id, position, kind, title, sha256, file_name)
     VALUES (?, ?, 'phu-luc', ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  files.forEach((file, index) => {
    recordAttachment(ctx.db, file.sha256, file.size, 'application/pdf', now);
    const title = (file.title ?? '').trim();
    insert.run(
      incomingId,
      index + 1,
      title === '' ? `Phụ lục ${index + 1}` : title.slice(0, 300),
      file.sha256,
      file.name,
    );
  });
}
