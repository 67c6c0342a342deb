import { existsSync } from 'node:fs';
import { STEP_CASE_KIND, stateAfter, type CaseKind, type StepKind } from '../../domain/office-steps.ts';
import {
  stepFiles,
  StepBodyReadSchema,
  StepKindReadSchema,
  type CaseFile,
  type QueueEntryDto,
  type StepBody,
} from '../../../preload/contract/office.ts';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import { attachmentPath, storedFileSize } from './attachments.ts';
import type { StoreContext } from './store-context.ts';
import { adoptArrivedOutgoing, caseOfOutgoing, followReturnedDraft, followSignedDrafts } from './office-outgoing.ts';
import type { OfficeInboxItem } from '../../../preload/contract/wire/office.ts';

/** A step taken on this workstation: written with its outbox job in one transaction. */
export interface LocalStep {
  readonly caseId: string;
  readonly actor: { readonly username: string; readonly fullName: string };
  readonly step: StepBody;
  /** The local outgoing record this case stands for (a draft sent from Văn bản đi), linked in the same transaction. */
  readonly outgoingId?: string | undefined;
}

/** What arrived for the person: the step, the case as it stands, its files (the IPC contract's shape). */
export type QueueEntry = QueueEntryDto;

interface CaseFields {
  readonly kind: CaseKind;
  readonly state: string;
  readonly title: string | null;
  readonly meta: unknown;
}

function upsertCase(ctx: StoreContext, id: string, fields: CaseFields, at: string): void {
  ctx.db
    .prepare(
      `INSERT INTO office_cases (id, kind, state, title, meta, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state,
         title = CASE WHEN ? IS NULL THEN office_cases.title ELSE excluded.title END,
         meta = CASE WHEN ? IS NULL THEN office_cases.meta ELSE excluded.meta END,
         updated_at = excluded.updated_at`,
    )
    .run(
      id,
      fields.kind,
      fields.state,
      fields.title ?? '',
      JSON.stringify(fields.meta ?? {}),
      at,
      fields.title,
      fields.meta === null ? null : 'set',
    );
}

function putCaseFile(ctx: StoreContext, caseId: string, file: CaseFile, size: number): void {
  ctx.db
    .prepare(
      `INSERT INTO office_case_files (case_id, role, sha256, name, size) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, role) DO UPDATE SET sha256 = excluded.sha256, name = excluded.name, size = excluded.size`,
    )
    .run(caseId, file.role, file.sha256, file.name, size);
}

function titleOf(step: StepBody): string | null {
  if (step.kind === 'submit') {
    return step.document.trichYeu;
  }
  return step.kind === 'draft' ? step.trichYeu : null;
}

/**
 * A document marked mật never leaves the workstation (domain/secrecy.ts): a step naming one — by
 * its id as the case or the trục document, or by one of its files — is refused before anything is
 * written. The outbox trigger (migration 010) checks the job's key too; this also covers a case whose
 * id is not the document's.
 */
function refuseSecret(ctx: StoreContext, input: LocalStep): void {
  const names = [input.caseId, ...stepFiles(input.step).map((file) => file.sha256)];
  if (input.step.kind === 'submit' && input.step.document.trucDocumentId !== null) {
    names.push(input.step.document.trucDocumentId);
  }
  const secret = ctx.db.prepare('SELECT 1 FROM secret_keys WHERE key = ?');
  if (names.some((name) => secret.get(name) !== undefined)) {
    throw new VanthuError('SECRET_STAYS_LOCAL', errorMessageVi('SECRET_STAYS_LOCAL'), {
      details: { caseId: input.caseId },
    });
  }
}

/**
 * Take a step here: the case shows its new state at once, the step is kept with the outbox job
 * that carries it (the step's id IS the job's id, the server's Idempotency-Key), in one
 * transaction. A file the step names must already be in the content store: files enter by the
 * chooser or a signing step, never by a path.
 */
export function recordStep(ctx: StoreContext, input: LocalStep): { stepId: string; caseState: string } {
  const files = stepFiles(input.step);
  for (const file of files) {
    if (!existsSync(attachmentPath(ctx.filesDir, file.sha256))) {
      throw new VanthuError(
        'FILE_NOT_FOUND',
        errorMessageVi('FILE_NOT_FOUND', `Không có tệp ${file.name} trên máy này.`),
      );
    }
  }
  return ctx.db
    .transaction(() => {
      refuseSecret(ctx, input);
      const at = ctx.clock().toISOString();
      const kind = STEP_CASE_KIND[input.step.kind];
      const existing = ctx.db.prepare('SELECT kind FROM office_cases WHERE id = ?').pluck().get(input.caseId) as
        CaseKind | undefined;
      if (existing !== undefined && existing !== kind) {
        throw new VanthuError(
          'INVALID_INPUT',
          errorMessageVi('INVALID_INPUT', 'Bước này không áp dụng cho văn bản này.'),
        );
      }
      const state = stateAfter(input.step.kind, input.step.kind === 'submit-for-signature' && input.step.via !== null);
      const title = titleOf(input.step);
      upsertCase(
        ctx,
        input.caseId,
        { kind, state, title, meta: input.step.kind === 'submit' ? input.step.document : null },
        at,
      );
      for (const file of files) {
        putCaseFile(ctx, input.caseId, file, storedFileSize(ctx.filesDir, file.sha256));
      }
      if (input.outgoingId !== undefined) {
        // The drafter's record is the case's from now on: a retry finds the case instead of starting another.
        ctx.db
          .prepare('INSERT OR IGNORE INTO office_outgoing (case_id, document_id) VALUES (?, ?)')
          .run(input.caseId, input.outgoingId);
      }
      const job = ctx.outbox.enqueue(
        {
          kind: 'office.step',
          key: input.caseId,
          payload: { caseId: input.caseId, actor: input.actor.username, step: input.step },
        },
        new Date(at),
      );
      ctx.db
        .prepare(
          `INSERT INTO office_steps (id, case_id, kind, actor, actor_name, body, origin, at) VALUES (?, ?, ?, ?, ?, ?, 'local', ?)`,
        )
        .run(
          job.id,
          input.caseId,
          input.step.kind,
          input.actor.username,
          input.actor.fullName,
          JSON.stringify(input.step),
          at,
        );
      return { stepId: job.id, caseState: state };
    })
    .immediate();
}

export function officeCursor(ctx: StoreContext, username: string): string | null {
  return (
    (ctx.db.prepare('SELECT cursor FROM office_cursors WHERE username = ?').pluck().get(username) as
      string | undefined) ?? null
  );
}

/**
 * A page of the person's inbox and its cursor in ONE transaction: after a crash either both are
 * here or neither (the page is pulled again and changes nothing). Returns the queue entries that
 * are new, for the desktop notification.
 */
export function applyOfficeInbox(
  ctx: StoreContext,
  username: string,
  items: readonly OfficeInboxItem[],
  nextCursor: string,
): { caseId: string; stepKind: StepKind; title: string; byName: string }[] {
  return ctx.db
    .transaction(() => {
      const at = ctx.clock().toISOString();
      const fresh: { caseId: string; stepKind: StepKind; title: string; byName: string }[] = [];
      for (const item of items) {
        const kase = item.case;
        upsertCase(ctx, kase.id, { kind: kase.kind, state: kase.state, title: kase.title, meta: kase.meta }, at);
        for (const file of kase.files) {
          putCaseFile(ctx, kase.id, file, file.size);
        }
        const kept = ctx.db
          .prepare(
            `INSERT OR IGNORE INTO office_steps (id, case_id, kind, actor, actor_name, body, origin, at)
             VALUES (?, ?, ?, ?, ?, ?, 'server', ?)`,
          )
          .run(
            item.step.id,
            kase.id,
            item.step.kind,
            item.step.by.username,
            item.step.by.fullName,
            JSON.stringify(item.step.body),
            item.step.at,
          ).changes;
        if (kept > 0 && item.step.body.kind === 'return-draft') {
          // Needs no file: the drafter's record goes back to Dự thảo with the comment as the step arrives.
          followReturnedDraft(ctx, kase.id, item.step.body, item.step.by.fullName);
        }
        const added = ctx.db
          .prepare(
            `INSERT OR IGNORE INTO office_queue (username, step_id, case_id, seq, arrived_at) VALUES (?, ?, ?, ?, ?)`,
          )
          .run(username, item.step.id, kase.id, item.seq, at).changes;
        if (added > 0) {
          fresh.push({ caseId: kase.id, stepKind: item.step.kind, title: kase.title, byName: item.step.by.fullName });
        }
      }
      ctx.db
        .prepare(
          `INSERT INTO office_cursors (username, cursor) VALUES (?, ?) ON CONFLICT (username) DO UPDATE SET cursor = excluded.cursor`,
        )
        .run(username, nextCursor);
      return fresh;
    })
    .immediate();
}

function caseFiles(ctx: StoreContext, caseId: string): (CaseFile & { size: number })[] {
  return ctx.db
    .prepare('SELECT sha256, name, role, size FROM office_case_files WHERE case_id = ? ORDER BY role')
    .all(caseId) as (CaseFile & { size: number })[];
}

/** Files of the person's queue not yet in the content store (fetched in the background). */
export function missingOfficeFiles(ctx: StoreContext, username: string): (CaseFile & { size: number })[] {
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT f.sha256, f.name, f.role, f.size FROM office_queue q
       JOIN office_case_files f ON f.case_id = q.case_id WHERE q.username = ? AND q.files_ready = 0`,
    )
    .all(username) as (CaseFile & { size: number })[];
  return rows.filter((file) => !existsSync(attachmentPath(ctx.filesDir, file.sha256)));
}

/** Mark queue entries whose case's files are all here; returns how many became ready. */
export function markOfficeFilesReady(ctx: StoreContext, username: string): number {
  const waiting = ctx.db
    .prepare('SELECT DISTINCT case_id FROM office_queue WHERE username = ? AND files_ready = 0')
    .pluck()
    .all(username) as string[];
  let ready = 0;
  for (const caseId of waiting) {
    if (caseFiles(ctx, caseId).every((file) => existsSync(attachmentPath(ctx.filesDir, file.sha256)))) {
      ready += ctx.db
        .prepare('UPDATE office_queue SET files_ready = 1 WHERE username = ? AND case_id = ? AND files_ready = 0')
        .run(username, caseId).changes;
    }
  }
  return ready;
}

interface QueueRow {
  case_id: string;
  case_kind: CaseKind;
  title: string;
  case_state: string;
  step_id: string;
  step_kind: string;
  actor_name: string;
  at: string;
  body: string;
  files_ready: number;
  arrived_at: string;
}

/** What arrived for the person, newest first (the step, the case as it stands, its files). */
export function officeQueue(ctx: StoreContext, username: string, limit = 200): QueueEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT q.case_id, c.kind AS case_kind, c.title, c.state AS case_state, s.id AS step_id, s.kind AS step_kind,
              s.actor_name, s.at, s.body, q.files_ready, q.arrived_at
       FROM office_queue q JOIN office_steps s ON s.id = q.step_id JOIN office_cases c ON c.id = q.case_id
       WHERE q.username = ? ORDER BY q.seq DESC LIMIT ?`,
    )
    .all(username, limit) as QueueRow[];
  return rows.map((row) => ({
    caseId: row.case_id,
    caseKind: row.case_kind,
    title: row.title,
    caseState: row.case_state,
    stepId: row.step_id,
    stepKind: StepKindReadSchema.parse(row.step_kind),
    byName: row.actor_name,
    at: row.at,
    body: StepBodyReadSchema.parse(JSON.parse(row.body)),
    filesReady: row.files_ready === 1,
    files: caseFiles(ctx, row.case_id),
    arrivedAt: row.arrived_at,
  }));
}

/** One case with its files and every step known here (taken here or pulled), oldest first. */
export function officeCase(ctx: StoreContext, caseId: string) {
  const row = ctx.db.prepare('SELECT * FROM office_cases WHERE id = ?').get(caseId) as
    { id: string; kind: CaseKind; state: string; title: string; meta: string; updated_at: string } | undefined;
  if (row === undefined) {
    throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND', 'Không tìm thấy văn bản.'));
  }
  const steps = ctx.db
    .prepare('SELECT id, kind, actor, actor_name, body, origin, at FROM office_steps WHERE case_id = ? ORDER BY at, id')
    .all(caseId) as {
    id: string;
    kind: string;
    actor: string;
    actor_name: string;
    body: string;
    origin: string;
    at: string;
  }[];
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    title: row.title,
    meta: JSON.parse(row.meta) as unknown,
    files: caseFiles(ctx, caseId),
    steps: steps.map((s) => ({
      id: s.id,
      kind: StepKindReadSchema.parse(s.kind),
      actor: s.actor,
      actorName: s.actor_name,
      body: StepBodyReadSchema.parse(JSON.parse(s.body)),
      origin: s.origin as 'local' | 'server',
      at: s.at,
    })),
  };
}

/** The engine's stored failure (JSON with code and message); an older plain text is the message. */
function storedFailure(lastError: string | null): { code?: string; message?: string } {
  try {
    return JSON.parse(lastError ?? '{}') as { code?: string; message?: string };
  } catch {
    return { message: lastError ?? '' };
  }
}

/**
 * The person's steps the server refused (failed outbox jobs of kind office.step): each keeps its
 * step row, its files and its job; the engine stored the server's code and Vietnamese message.
 */
export function refusedSteps(ctx: StoreContext, username: string) {
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.case_id, s.kind, s.body, j.last_error FROM office_steps s JOIN outbox_jobs j ON j.id = s.id
       WHERE s.origin = 'local' AND s.actor = ? AND j.state = 'failed' ORDER BY s.at`,
    )
    .all(username) as { id: string; case_id: string; kind: string; body: string; last_error: string | null }[];
  return rows.map((row) => {
    const stored = storedFailure(row.last_error);
    return {
      stepId: row.id,
      caseId: row.case_id,
      stepKind: StepKindReadSchema.parse(row.kind),
      code: stored.code ?? 'UNKNOWN',
      message: stored.message ?? '',
      keptFiles: stepFiles(StepBodyReadSchema.parse(JSON.parse(row.body))).map((file) => file.sha256),
    };
  });
}

/** Every office port over one store connection: in the store worker, the CLI and tests. */
export function officeStoreOn(ctx: StoreContext) {
  return {
    recordStep: (input: LocalStep) => recordStep(ctx, input),
    officeQueue: (username: string) => officeQueue(ctx, username),
    refusedSteps: (username: string) => refusedSteps(ctx, username),
    officeCase: (caseId: string) => officeCase(ctx, caseId),
    officeCursor: (username: string) => officeCursor(ctx, username),
    applyOfficeInbox: (username: string, items: readonly OfficeInboxItem[], nextCursor: string) =>
      applyOfficeInbox(ctx, username, items, nextCursor),
    missingOfficeFiles: (username: string) => missingOfficeFiles(ctx, username),
    // Files here: a case that waits for the issuing chain on this workstation becomes its local record,
    // and a draft sent from here that the leader signed shows it (with the signed file).
    markOfficeFilesReady: (username: string) => {
      const ready = markOfficeFilesReady(ctx, username);
      adoptArrivedOutgoing(ctx, username);
      followSignedDrafts(ctx);
      return ready;
    },
    caseOfOutgoing: (documentId: string) => caseOfOutgoing(ctx, documentId),
  };
}
