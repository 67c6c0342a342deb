import { existsSync } from 'node:fs';
import { StepBodySchema } from '../../../preload/contract/office.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { exportFileName } from '../../domain/file-name.ts';
import type { PersonRole } from '../../domain/office-steps.ts';
import { attachmentPath, recordAttachment, storedFileSize } from './attachments.ts';
import { appendAudit } from './audit.ts';
import { recordOutput } from './issuing.ts';
import { createOutgoing, getOutgoing } from './outgoing-service.ts';
import { returnOutgoing } from './workflow-actions.ts';
import type { StoreContext } from './store-context.ts';

/**
 * The issuing chain works on local outgoing records (issuing-service.ts); a case of the office
 * workflow arrives as steps and files. Where the chain must run on this workstation — a draft
 * presented to the leader here (trình ký), a signed file arriving at the văn thư here (đã ký) —
 * the case becomes a local record at the stage it reached, with the very file that arrived (by
 * hash), so the leader signs it with the existing batch signing and the văn thư numbers it.
 */
const ADOPTED_AT: Readonly<
  Record<string, { state: 'trinh-ky' | 'da-ky'; stages: readonly ('du-thao' | 'da-ky')[]; role: PersonRole }>
> = {
  // The leader signs; the drafter and a reviewing trưởng phòng only see the case in their queue.
  'trinh-ky': { state: 'trinh-ky', stages: ['du-thao'], role: 'lanh-dao' },
  // The văn thư numbers, seals and publishes; the drafter is told it was signed, nothing more.
  'da-ky': { state: 'da-ky', stages: ['du-thao', 'da-ky'], role: 'van-thu' },
};

interface CaseRow {
  id: string;
  state: string;
  title: string;
  meta: string;
}

interface DraftMeta {
  trichYeu?: string;
  tenLoai?: string;
  kyHieu?: string | null;
  coQuanBanHanh?: string | null;
  recipients?: { maDinhDanh: string; ten: string }[];
}

/** The case a local outgoing record stands for, if it came from one. */
export function caseOfOutgoing(ctx: StoreContext, documentId: string): string | null {
  return (
    (ctx.db.prepare('SELECT case_id FROM office_outgoing WHERE document_id = ?').pluck().get(documentId) as
      string | undefined) ?? null
  );
}

function fileOf(ctx: StoreContext, caseId: string, role: string): { sha256: string; name: string } | null {
  const row = ctx.db
    .prepare('SELECT sha256, name FROM office_case_files WHERE case_id = ? AND role = ?')
    .get(caseId, role) as { sha256: string; name: string } | undefined;
  return row !== undefined && existsSync(attachmentPath(ctx.filesDir, row.sha256)) ? row : null;
}

/** One case into a local record, in one transaction; null when it cannot be one (yet). */
function adoptCase(ctx: StoreContext, kase: CaseRow): OutgoingDocument | null {
  const at = ADOPTED_AT[kase.state];
  const meta = JSON.parse(kase.meta) as DraftMeta | null;
  const input = OutgoingInputSchema.safeParse({
    tenLoai: meta?.tenLoai,
    kyHieu: meta?.kyHieu ?? undefined,
    trichYeu: meta?.trichYeu ?? kase.title,
    coQuanBanHanh: meta?.coQuanBanHanh ?? undefined,
    recipients: meta?.recipients ?? [],
  });
  const files = at?.stages.map((stage) => ({ stage, file: fileOf(ctx, kase.id, stage) })) ?? [];
  // A draft made before API 1.5 carries no ký hiệu: it stays a queue item, never a record with invented data.
  if (at === undefined || !input.success || files.some((f) => f.file === null)) {
    return null;
  }
  return ctx.db
    .transaction(() => {
      const created = createOutgoing(ctx, input.data);
      const now = ctx.clock();
      let from: string | null = null;
      for (const { stage, file } of files) {
        if (file === null) {
          continue;
        }
        const size = storedFileSize(ctx.filesDir, file.sha256);
        recordAttachment(ctx.db, file.sha256, size, 'application/pdf', now);
        const name = exportFileName(
          `${stage === 'du-thao' ? 'Du thao' : 'Da ky'} ${input.data.tenLoai} ${input.data.kyHieu}`,
          'pdf',
        );
        ctx.db
          .prepare(
            `INSERT INTO outgoing_files (document_id, stage, sha256, file_name, from_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(created.id, stage, file.sha256, name, from, now.toISOString());
        from = file.sha256;
      }
      ctx.db
        .prepare(`UPDATE outgoing_documents SET state = ?, file_sha256 = ?, updated_at = ? WHERE id = ?`)
        .run(at.state, from, now.toISOString(), created.id);
      ctx.db.prepare('INSERT INTO office_outgoing (case_id, document_id) VALUES (?, ?)').run(kase.id, created.id);
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'outgoing.fromOffice',
          entity: 'outgoing',
          entityId: created.id,
          details: { caseId: kase.id, state: at.state, file: from },
        },
        now,
      );
      return getOutgoing(ctx, created.id);
    })
    .immediate();
}

/**
 * Every outgoing case in the person's queue whose files are here and which waits here for the
 * issuing chain: each becomes a local record once (a pulled page may come again; the link is the
 * case's primary key). Returns the records made now.
 */
export function adoptArrivedOutgoing(ctx: StoreContext, username: string): OutgoingDocument[] {
  const cases = ctx.db
    .prepare(
      `SELECT DISTINCT c.id, c.state, c.title, c.meta FROM office_queue q JOIN office_cases c ON c.id = q.case_id
       WHERE q.username = ? AND q.files_ready = 1 AND c.kind = 'outgoing' AND c.state IN ('trinh-ky', 'da-ky')
         AND NOT EXISTS (SELECT 1 FROM office_outgoing o WHERE o.case_id = c.id)`,
    )
    .all(username) as CaseRow[];
  const roles = JSON.parse(
    (ctx.db.prepare('SELECT roles FROM office_people WHERE username = ?').pluck().get(username) as
      string | undefined) ?? '[]',
  ) as PersonRole[];
  return cases
    .filter((kase) => {
      const at = ADOPTED_AT[kase.state];
      return at !== undefined && roles.includes(at.role);
    })
    .map((kase) => adoptCase(ctx, kase))
    .filter((doc): doc is OutgoingDocument => doc !== null);
}

/** The leader's signed file of exactly this draft, when its đã ký step and the file are both here. */
function signedFileOf(ctx: StoreContext, caseId: string, draftSha256: string): string | null {
  const bodies = ctx.db
    .prepare(`SELECT body FROM office_steps WHERE case_id = ? AND kind = 'sign' ORDER BY at DESC`)
    .pluck()
    .all(caseId) as string[];
  for (const body of bodies) {
    const step = StepBodySchema.safeParse(JSON.parse(body));
    if (step.success && step.data.kind === 'sign' && step.data.draftSha256 === draftSha256) {
      const signed = step.data.files.find((file) => file.role === 'da-ky');
      return signed !== undefined && existsSync(attachmentPath(ctx.filesDir, signed.sha256)) ? signed.sha256 : null;
    }
  }
  return null;
}

/**
 * The drafter's own record (linked when the draft was sent from Văn bản đi) follows the leader's
 * signature: once the đã ký step and its signed file are here, the record is "Đã ký" and holds that
 * file, recorded as the issuing chain records its own outputs. Only the draft the leader signed
 * moves: a record whose draft was replaced since stays as it is. Returns the records moved now.
 */
export function followSignedDrafts(ctx: StoreContext): string[] {
  const waiting = ctx.db
    .prepare(
      `SELECT o.case_id AS caseId, o.document_id AS documentId, d.file_sha256 AS draft
       FROM office_outgoing o JOIN outgoing_documents d ON d.id = o.document_id
       WHERE d.state = 'trinh-ky' AND d.file_sha256 IS NOT NULL`,
    )
    .all() as { caseId: string; documentId: string; draft: string }[];
  const moved: string[] = [];
  for (const { caseId, documentId, draft } of waiting) {
    const signed = signedFileOf(ctx, caseId, draft);
    if (signed !== null) {
      recordOutput(ctx, {
        id: documentId,
        stage: 'da-ky',
        from: draft,
        sha256: signed,
        size: storedFileSize(ctx.filesDir, signed),
      });
      moved.push(documentId);
    }
  }
  return moved;
}

/**
 * The drafter's own record follows a trả lại dự thảo as it arrives (in the transaction that keeps
 * the step): a record still in Trình ký with exactly the draft returned goes back to Dự thảo, the
 * leader's comment kept as a local return keeps it (outgoing_returns, shown on the record), so the
 * drafter revises and sends it again. Applied once, when the step first arrives: a draft sent again
 * afterwards is not moved back by the old return. Returns the record moved, or null.
 */
export function followReturnedDraft(
  ctx: StoreContext,
  caseId: string,
  step: { readonly comment: string; readonly draftSha256: string },
  returnedBy: string,
): string | null {
  const documentId = ctx.db
    .prepare(
      `SELECT o.document_id FROM office_outgoing o JOIN outgoing_documents d ON d.id = o.document_id
       WHERE o.case_id = ? AND d.state = 'trinh-ky' AND d.file_sha256 = ?`,
    )
    .pluck()
    .get(caseId, step.draftSha256) as string | undefined;
  if (documentId === undefined) {
    return null;
  }
  returnOutgoing(ctx, documentId, step.comment, returnedBy);
  return documentId;
}
