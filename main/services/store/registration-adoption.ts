import type { IncomingState } from '../../domain/document-states.ts';
import { vietnamDate, vietnamYear } from '../../domain/vietnam-time.ts';
import type { Register } from './register-service.ts';
import { parseJobPayload } from '../outbox/jobs.ts';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './store-context.ts';
import type { ServerRegistration } from '../../../preload/contract/wire/documents.ts';

/**
 * One organization, one entry per document in its sổ đến [ND30 Điều 22 k2]. When a workstation
 * learns that its organization already registered a document (an inbox item, or a 409
 * ALREADY_REGISTERED answer), the server's số đến wins: the local document takes it, keeps
 * everything else (state, ý kiến, phân công, verification, queued statuses), and the number it
 * had taken is recorded as unused instead of being reused, so the register shows the gap honestly.
 * Everything here runs inside the caller's transaction.
 */

/** How sync learned of the registration: its inbox, or the refusal of our own. */
export type AdoptionVia = 'inbox' | 'conflict';

/**
 * missing: no such local document; same: it already holds that number; own: the registration was
 * ours (an answer we never got); adopted: renumbered; clash: the number is held by another local
 * document (never by the rules; left for the user as a conflict).
 */
export type AdoptionOutcome = 'missing' | 'same' | 'own' | 'adopted' | 'clash';

interface NumberedRow {
  register_id: string;
  so_den: number | null;
  so_den_tam: number | null;
  ngay_den: string;
  state: IncomingState;
}

function holder(ctx: StoreContext, registerId: string, soDen: number): string | undefined {
  const row = ctx.db
    .prepare(`SELECT id FROM incoming_documents WHERE register_id = ? AND so_den = ?`)
    .get(registerId, soDen) as { id: string } | undefined;
  return row?.id;
}

function registerOf(ctx: StoreContext, year: number): Register {
  return ctx.registers.ensure({ maDinhDanh: ctx.maDinhDanh, kind: 'den', year });
}

/** Whether the registration was made by one of our own jobs for this document (its key is the job id). */
function isOwn(ctx: StoreContext, documentId: string, registration: ServerRegistration): boolean {
  if (registration.key === undefined) {
    return false;
  }
  const job = ctx.outbox.get(registration.key);
  return (
    job?.kind === 'incoming.register' && parseJobPayload('incoming.register', job.payload).documentId === documentId
  );
}

/**
 * The number of a document arriving through the inbox: the organization's when a workstation
 * already registered it (none of ours is taken, nothing is queued), else none: the document waits
 * for its check and the văn thư's tiếp nhận, which gives the số đến (store/arrival-gate.ts).
 */
export function arrivalNumber(
  ctx: StoreContext,
  registration: ServerRegistration | null,
  now: Date,
): {
  register: Register;
  taken: { provisional: boolean; number: number } | null;
  ngayDen: string;
  registered: boolean;
} {
  if (registration !== null) {
    const register = registerOf(ctx, registration.year);
    if (holder(ctx, register.id, registration.soDen) === undefined) {
      return {
        register,
        taken: { provisional: false, number: registration.soDen },
        ngayDen: registration.ngayDen ?? vietnamDate(now),
        registered: true,
      };
    }
  }
  return { register: registerOf(ctx, vietnamYear(now)), taken: null, ngayDen: vietnamDate(now), registered: false };
}

/** Give the document the organization's số đến (see the module comment); returns what happened. */
export function adoptRegistration(
  ctx: StoreContext,
  documentId: string,
  registration: ServerRegistration,
  via: AdoptionVia,
  now: Date,
): AdoptionOutcome {
  const row = ctx.db
    .prepare(`SELECT register_id, so_den, so_den_tam, ngay_den, state FROM incoming_documents WHERE id = ?`)
    .get(documentId) as NumberedRow | undefined;
  if (row === undefined) {
    return 'missing';
  }
  const register = registerOf(ctx, registration.year);
  if (row.so_den === registration.soDen && row.register_id === register.id) {
    // Nothing left to send: a registration still queued would only be refused.
    ctx.outbox.supersede('incoming.register', documentId, now);
    return 'same';
  }
  const other = holder(ctx, register.id, registration.soDen);
  if (other !== undefined && other !== documentId) {
    return 'clash';
  }
  const own = isOwn(ctx, documentId, registration);
  const moved = register.id !== row.register_id;
  // A provisional number moving to another year's register keeps it unless that register uses it.
  const keepTam =
    row.so_den_tam !== null &&
    (!moved ||
      ctx.db
        .prepare(`SELECT 1 FROM incoming_documents WHERE register_id = ? AND so_den_tam = ?`)
        .get(register.id, row.so_den_tam) === undefined);
  const ngayDen = registration.ngayDen ?? row.ngay_den;
  ctx.db
    .prepare(
      `UPDATE incoming_documents SET register_id = ?, so_den = ?, so_den_tam = ?, ngay_den = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(register.id, registration.soDen, keepTam ? row.so_den_tam : null, ngayDen, now.toISOString(), documentId);
  ctx.outbox.supersede('incoming.register', documentId, now);
  if (row.so_den === null && row.so_den_tam === null) {
    // Not received here yet (no number of ours was ever taken): it simply enters the sổ with it.
    appendAudit(
      ctx.db,
      {
        actor: 'sync',
        action: 'incoming.registered-elsewhere',
        entity: 'incoming',
        entityId: documentId,
        details: { soDenCu: null, soDenTamCu: null, soDen: registration.soDen, year: registration.year, ngayDen, via },
      },
      now,
    );
    return 'adopted';
  }
  if (own) {
    // Our registration went through but its answer was lost: as when the answer arrives.
    appendAudit(
      ctx.db,
      {
        actor: 'sync',
        action: 'incoming.finalize-number',
        entity: 'incoming',
        entityId: documentId,
        details: { soDenTam: row.so_den_tam, soDen: registration.soDen, via },
      },
      now,
    );
    return 'own';
  }
  recordRenumbering(ctx, documentId, row, registration, ngayDen, via, now);
  return 'adopted';
}

function recordRenumbering(
  ctx: StoreContext,
  documentId: string,
  row: NumberedRow,
  registration: ServerRegistration,
  ngayDen: string,
  via: AdoptionVia,
  now: Date,
): void {
  appendAudit(
    ctx.db,
    {
      actor: 'sync',
      action: 'incoming.registered-elsewhere',
      entity: 'incoming',
      entityId: documentId,
      details: {
        soDenCu: row.so_den,
        soDenTamCu: row.so_den_tam,
        ngayDenCu: row.ngay_den,
        soDen: registration.soDen,
        year: registration.year,
        ngayDen,
        state: row.state,
        via,
      },
    },
    now,
  );
  if (row.so_den !== null) {
    appendAudit(
      ctx.db,
      {
        actor: 'sync',
        action: 'register.number-unused',
        entity: 'register',
        entityId: row.register_id,
        details: { so: row.so_den, documentId, reason: 'registered-elsewhere', soDen: registration.soDen },
      },
      now,
    );
  }
  ctx.db
    .prepare(
      `INSERT INTO incoming_renumberings (incoming_id, register_id, so_den_cu, so_den_tam_cu, ngay_den_cu, so_den,
         year, state, via, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      documentId,
      row.register_id,
      row.so_den,
      row.so_den_tam,
      row.ngay_den,
      registration.soDen,
      registration.year,
      row.state,
      via,
      now.toISOString(),
    );
}

/**
 * The repair of a registration job the server refused with ALREADY_REGISTERED, in ONE transaction:
 * the document adopts the server's number and the job is done. False (nothing changed) when there
 * is no local document to repair or its number is held by another: the job stays a conflict.
 */
export function adoptForJob(ctx: StoreContext, jobId: string, registration: ServerRegistration): boolean {
  return ctx.db
    .transaction((): boolean => {
      const job = ctx.outbox.get(jobId);
      if (job?.kind !== 'incoming.register' || job.state === 'done') {
        return false;
      }
      const now = ctx.clock();
      const documentId = parseJobPayload('incoming.register', job.payload).documentId;
      const outcome = adoptRegistration(ctx, documentId, registration, 'conflict', now);
      if (outcome === 'missing' || outcome === 'clash') {
        return false;
      }
      if (ctx.outbox.get(jobId)?.state !== 'done') {
        ctx.outbox.markDone(jobId, now);
      }
      return true;
    })
    .immediate();
}
