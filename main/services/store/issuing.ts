import { existsSync } from 'node:fs';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { IssuingFile, IssuingStage } from '../../../preload/contract/issuing.ts';
import type { OutgoingDocument, OutgoingInput } from '../../../preload/contract/outgoing.ts';
import { outgoingStep, type OutgoingMove, type OutgoingState } from '../../../preload/contract/workflow.ts';
import { exportFileName } from '../../domain/file-name.ts';
import type { ServerNumber } from '../../domain/numbering.ts';
import { attachmentPath, recordAttachment } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { createOutgoing, getOutgoing, moveOutgoing, publishOutgoing, takeNumber } from './outgoing-service.ts';
import type { StoreContext } from './store-context.ts';
import { statement } from './statements.ts';

/**
 * The store's half of the issuing chain (issue #15); the workflow service in main does the PDF
 * work and calls these, each one transaction. A step's output is announced (`beginOutput`) before
 * its bytes reach the content store and recorded (`recordOutput`) after: recovery finds every
 * output that was written but not recorded in `issuing_pending`, never by scanning the store.
 */

/** A file already in the content store (written by the file intake or a step), not yet recorded. */
export interface StoredInput {
  readonly sha256: string;
  readonly size: number;
  readonly name: string;
  readonly mediaType: string;
}

export type OutputStage = Extract<IssuingStage, 'da-ky' | 'da-cap-so' | 'da-dong-dau'>;

/** The workflow table's step whose output each stage is, and the stage whose file that step reads. */
const STAGE_STEP: Readonly<Record<OutputStage, { action: OutgoingMove; from: IssuingStage }>> = {
  'da-ky': { action: 'outgoing.sign', from: 'du-thao' },
  'da-cap-so': { action: 'outgoing.issueNumber', from: 'da-ky' },
  'da-dong-dau': { action: 'outgoing.seal', from: 'da-cap-so' },
};

function inputOf(stage: OutputStage): { state: OutgoingState; from: IssuingStage } {
  return { state: outgoingStep(STAGE_STEP[stage].action).from, from: STAGE_STEP[stage].from };
}

/** What each step takes: the state the document must be in (the table's) and the stage whose file it reads. */
export const STEP_INPUT: Readonly<Record<OutputStage, { state: OutgoingState; from: IssuingStage }>> = {
  'da-ky': inputOf('da-ky'),
  'da-cap-so': inputOf('da-cap-so'),
  'da-dong-dau': inputOf('da-dong-dau'),
};

export interface OutputRecord {
  readonly id: string;
  readonly stage: OutputStage;
  /** The hash of the file the step was made from: the record must still point at it. */
  readonly from: string;
  readonly sha256: string;
  readonly size: number;
}

export interface PendingOutput extends OutputRecord {
  readonly createdAt: string;
}

export function chainBroken(reason: string, message: string, details: Record<string, unknown> = {}): VanthuError {
  return new VanthuError('ISSUING_CHAIN_BROKEN', errorMessageVi('ISSUING_CHAIN_BROKEN', message), {
    details: { reason, ...details },
  });
}

function requireStored(ctx: StoreContext, file: StoredInput): void {
  if (!existsSync(attachmentPath(ctx.filesDir, file.sha256))) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', 'Chọn lại tệp.'), {
      details: { name: file.name },
    });
  }
}

function insertFile(
  ctx: StoreContext,
  id: string,
  stage: IssuingStage,
  file: { sha256: string; size: number; mediaType: string; fileName: string; from: string | null },
  now: Date,
): void {
  recordAttachment(ctx.db, file.sha256, file.size, file.mediaType, now);
  statement(
    ctx.db,
    `INSERT INTO outgoing_files (document_id, stage, sha256, file_name, from_sha256, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, stage, file.sha256, file.fileName, file.from, now.toISOString());
}

/**
 * Tạo dự thảo with its files: the draft PDF (already prepared with the số, date and signature
 * fields) becomes the document's file, the editable source is kept beside it (S-TN24 Điều 3 k6).
 */
export function createDraft(
  ctx: StoreContext,
  input: OutgoingInput,
  pdf: StoredInput,
  source: StoredInput,
): OutgoingDocument {
  requireStored(ctx, pdf);
  requireStored(ctx, source);
  return ctx.db
    .transaction(() => {
      const created = createOutgoing(ctx, input);
      const now = ctx.clock();
      const base = exportFileName(`Du thao ${input.tenLoai} ${input.kyHieu}`, 'pdf');
      insertFile(ctx, created.id, 'du-thao', { ...pdf, fileName: base, from: null }, now);
      const ext = /\.([A-Za-z0-9]{1,5})$/.exec(source.name)?.[1]?.toLowerCase() ?? 'docx';
      insertFile(
        ctx,
        created.id,
        'nguon',
        { ...source, fileName: exportFileName(`Du thao ${input.tenLoai} ${input.kyHieu}`, ext), from: null },
        now,
      );
      ctx.db
        .prepare(`UPDATE outgoing_documents SET file_sha256 = ?, original_sha256 = ? WHERE id = ?`)
        .run(pdf.sha256, source.sha256, created.id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'outgoing.draftFiles',
          entity: 'outgoing',
          entityId: created.id,
          details: { pdf: pdf.sha256, source: source.sha256 },
        },
        now,
      );
      return getOutgoing(ctx, created.id);
    })
    .immediate();
}

export function issuingFiles(ctx: StoreContext, id: string): IssuingFile[] {
  getOutgoing(ctx, id);
  return ctx.db
    .prepare(
      `SELECT f.stage, f.sha256, a.size, f.file_name AS fileName FROM outgoing_files f
       JOIN attachments a ON a.sha256 = f.sha256 WHERE f.document_id = ? ORDER BY f.created_at, f.rowid`,
    )
    .all(id) as IssuingFile[];
}

/** The hash of a stage's file, or null when the step has not happened. */
export function stageFile(ctx: StoreContext, id: string, stage: IssuingStage): string | null {
  // Always plucked: the cached statement keeps that mode.
  const sha = statement(ctx.db, `SELECT sha256 FROM outgoing_files WHERE document_id = ? AND stage = ?`)
    .pluck()
    .get(id, stage) as string | undefined;
  return sha ?? null;
}

/** The document at the step's input: right state, and its file is the previous step's output. */
function requireInput(ctx: StoreContext, id: string, stage: OutputStage, from: string): OutgoingDocument {
  const doc = getOutgoing(ctx, id);
  const input = STEP_INPUT[stage];
  if (doc.state !== input.state) {
    throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
      details: { from: doc.state, to: stage },
    });
  }
  const expected = stageFile(ctx, id, input.from);
  if (expected === null || doc.fileSha256 !== expected || from !== expected) {
    throw chainBroken('INPUT_CHANGED', 'Tệp của văn bản đã thay đổi so với tệp dùng cho bước này.', {
      stage,
      expected,
      from,
    });
  }
  return doc;
}

/**
 * Cấp số, first half: the number and date are taken and written on the record while the document
 * is still đã ký, so a crash before the numbered file is recorded leaves the number with its
 * document, and the next attempt writes that same number: none is lost, none is used twice.
 */
export function reserveNumber(
  ctx: StoreContext,
  id: string,
  from: string,
  online: ServerNumber | null = null,
): OutgoingDocument {
  return ctx.db
    .transaction(() => {
      const doc = requireInput(ctx, id, 'da-cap-so', from);
      if (doc.so !== null) {
        return doc;
      }
      const now = ctx.clock();
      const fields = takeNumber(ctx, doc, now, online);
      const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
      ctx.db
        .prepare(`UPDATE outgoing_documents SET ${[...sets, 'updated_at = @at'].join(', ')} WHERE id = @id`)
        .run({ ...fields, at: now.toISOString(), id });
      appendAudit(
        ctx.db,
        { actor: ctx.actor, action: 'outgoing.reserveNumber', entity: 'outgoing', entityId: id, details: fields },
        now,
      );
      return getOutgoing(ctx, id);
    })
    .immediate();
}

/** Announce an output about to enter the content store (replaces an earlier attempt's). */
export function beginOutput(ctx: StoreContext, output: OutputRecord): void {
  ctx.db
    .transaction(() => {
      requireInput(ctx, output.id, output.stage, output.from);
      statement(
        ctx.db,
        `INSERT INTO issuing_pending (document_id, stage, sha256, size, from_sha256, created_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (document_id, stage) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
             from_sha256 = excluded.from_sha256, created_at = excluded.created_at`,
      ).run(output.id, output.stage, output.sha256, output.size, output.from, ctx.clock().toISOString());
    })
    .immediate();
}

function fileNameOf(doc: OutgoingDocument, stage: OutputStage): string {
  const label = { 'da-ky': 'Da ky', 'da-cap-so': 'Cap so', 'da-dong-dau': '' }[stage];
  return exportFileName(`${doc.tenLoai} ${doc.soKyHieu ?? doc.kyHieu} ${label}`.trim());
}

/** The step's one transaction: file row, state change, audit entry; the pending row goes. */
export function recordOutput(ctx: StoreContext, output: OutputRecord): OutgoingDocument {
  return ctx.db
    .transaction(() => {
      const doc = requireInput(ctx, output.id, output.stage, output.from);
      if (output.stage === 'da-cap-so' && doc.so === null) {
        throw chainBroken('NOT_NUMBERED', 'Văn bản chưa được cấp số.', { stage: output.stage });
      }
      if (!existsSync(attachmentPath(ctx.filesDir, output.sha256))) {
        throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND'), { details: { stage: output.stage } });
      }
      const now = ctx.clock();
      insertFile(
        ctx,
        output.id,
        output.stage,
        {
          sha256: output.sha256,
          size: output.size,
          mediaType: 'application/pdf',
          fileName: fileNameOf(doc, output.stage),
          from: output.from,
        },
        now,
      );
      statement(ctx.db, `DELETE FROM issuing_pending WHERE document_id = ? AND stage = ?`).run(output.id, output.stage);
      return moveOutgoing(ctx, output.id, STAGE_STEP[output.stage].action, () => ({ file_sha256: output.sha256 }));
    })
    .immediate();
}

export function pendingOutputs(ctx: StoreContext): PendingOutput[] {
  return (
    ctx.db
      .prepare(
        `SELECT document_id AS id, stage, sha256, size, from_sha256 AS "from", created_at AS createdAt
         FROM issuing_pending ORDER BY created_at`,
      )
      .all() as PendingOutput[]
  ).map((p) => ({ ...p }));
}

/** Forget an announced output that recovery cleaned; says whether another row still uses its file. */
export function dropPending(ctx: StoreContext, id: string, stage: OutputStage): { referenced: boolean } {
  return ctx.db
    .transaction(() => {
      const sha = ctx.db
        .prepare(`SELECT sha256 FROM issuing_pending WHERE document_id = ? AND stage = ?`)
        .pluck()
        .get(id, stage) as string | undefined;
      statement(ctx.db, `DELETE FROM issuing_pending WHERE document_id = ? AND stage = ?`).run(id, stage);
      const referenced =
        sha !== undefined &&
        ctx.db.prepare(`SELECT 1 FROM attachments WHERE sha256 = ?`).pluck().get(sha) !== undefined;
      return { referenced };
    })
    .immediate();
}

/** Phát hành through the chain: only the sealed file the record holds goes out. */
export function publishIssued(ctx: StoreContext, id: string, checkedSha256: string): OutgoingDocument {
  return ctx.db
    .transaction(() => {
      const doc = getOutgoing(ctx, id);
      const sealed = stageFile(ctx, id, 'da-dong-dau');
      if (doc.state !== 'da-dong-dau') {
        throw new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
          details: { from: doc.state, to: 'da-phat-hanh' },
        });
      }
      if (sealed === null || doc.fileSha256 !== sealed || checkedSha256 !== sealed) {
        throw chainBroken('INPUT_CHANGED', 'Tệp phát hành không phải tệp đã đóng dấu của văn bản.', {
          stage: 'da-phat-hanh',
        });
      }
      return publishOutgoing(ctx, id);
    })
    .immediate();
}
