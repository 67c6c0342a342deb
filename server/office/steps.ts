import { STEP_CASE_KIND, STEP_SENDER_STATUS } from '../../preload/contract/office-roles.ts';
import { stepFiles, type StepBody } from '../../preload/contract/office.ts';
import { HttpProblem } from '../http.ts';
import type { ServerState } from '../state.ts';
import { caseRow, existing, type CaseRow, type Change } from './case-rows.ts';
import { decideDraft } from './draft-steps.ts';
import { decideIncoming } from './incoming-steps.ts';
import { decideIssuing } from './issuing-steps.ts';
import type { Person } from './people.ts';

/** Every file a step names must already be on the server (uploaded first, like a publication). */
function checkFilesUploaded(state: ServerState, body: StepBody): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const file of stepFiles(body)) {
    const blob = state.db.prepare('select size from blobs where sha256 = ?').get(file.sha256) as
      { size: number } | undefined;
    if (blob === undefined) {
      throw new HttpProblem(422, 'FILE_NOT_UPLOADED', `Tệp ${file.sha256} chưa được tải lên.`, { sha256: file.sha256 });
    }
    sizes.set(file.sha256, blob.size);
  }
  return sizes;
}

export interface Applied {
  readonly caseState: string;
  /** Who receives the step in their inbox (never the one who took it). */
  readonly recipients: ReadonlySet<string>;
}

/**
 * The server decides the order of steps: each checks its precondition against the case as it
 * stands now, so a step taken offline on stale information is refused with a conflict naming
 * what happened (another leader directed it; the draft was replaced or withdrawn). The state a step
 * leads to, and the states the one-way steps (cấp số, đóng dấu, phát hành, thu hồi) come from, are
 * read from the workflow table CASE_TRANSITIONS; the checks the table cannot say (who holds the
 * draft, a trưởng phòng forwarding, a replaced draft, a second leader) stay here.
 */
function decide(state: ServerState, caller: Person, row: CaseRow | undefined, body: StepBody): Change {
  if (body.kind !== 'submit' && body.kind !== 'draft') {
    existing(row);
  }
  switch (body.kind) {
    case 'submit':
    case 'assign':
    case 'progress':
    case 'complete':
      return decideIncoming(state, caller, row, body);
    case 'draft':
    case 'withdraw-draft':
    case 'submit-for-signature':
    case 'return-draft':
    case 'sign':
      return decideDraft(state, caller, row, body);
    case 'issue-number':
    case 'seal':
    case 'publish':
    case 'recall':
      return decideIssuing(state, caller, row, body);
  }
}

/**
 * Apply one step inside the caller's idempotency transaction: the case changes, the step is kept,
 * each recipient gets an inbox row and, for an incoming document from the trục, the sender gets
 * status 04/05/06. Returns who to wake once the transaction commits.
 */
export function applyStep(state: ServerState, caller: Person, caseId: string, stepId: string, body: StepBody): Applied {
  const row = caseRow(state, caller.org, caseId);
  if (row !== undefined && row.kind !== STEP_CASE_KIND[body.kind]) {
    throw new HttpProblem(422, 'CASE_KIND_MISMATCH', 'Bước này không áp dụng cho loại văn bản này.');
  }
  const sizes = checkFilesUploaded(state, body);
  const change = decide(state, caller, row, body);
  const now = state.now();
  if (row === undefined) {
    state.db
      .prepare(
        `insert into office_cases (org, id, kind, state, title, meta, created_by, updated_at)
         values (?, ?, ?, '', '', '{}', ?, ?)`,
      )
      .run(caller.org, caseId, STEP_CASE_KIND[body.kind], caller.username, now);
  }
  const fields = { ...change.fields, updated_at: now };
  const columns = Object.keys(fields);
  state.db
    .prepare(`update office_cases set ${columns.map((c) => `${c} = @${c}`).join(', ')} where org = @org and id = @id`)
    .run({ ...fields, org: caller.org, id: caseId });
  for (const file of stepFiles(body)) {
    state.db
      .prepare(
        `insert into office_case_files (org, case_id, sha256, name, role, size) values (?, ?, ?, ?, ?, ?)
         on conflict (org, case_id, role) do update set sha256 = excluded.sha256, name = excluded.name, size = excluded.size`,
      )
      .run(caller.org, caseId, file.sha256, file.name, file.role, sizes.get(file.sha256) ?? 0);
  }
  const seq = Number(
    state.db
      .prepare('insert into office_steps (org, case_id, step_id, kind, actor, body, at) values (?, ?, ?, ?, ?, ?, ?)')
      .run(caller.org, caseId, stepId, body.kind, caller.username, JSON.stringify(body), now).lastInsertRowid,
  );
  const recipients = new Set(change.recipients.filter((u): u is string => u !== null && u !== caller.username));
  for (const username of recipients) {
    state.db.prepare('insert into office_inbox (username, step_seq) values (?, ?)').run(username, seq);
  }
  const senderStatus = STEP_SENDER_STATUS[body.kind];
  const trucId = change.fields.truc_document_id ?? row?.truc_document_id ?? null;
  if (senderStatus !== undefined && trucId !== null) {
    const delivered = state.db
      .prepare('select 1 from deliveries where document_id = ? and to_org = ?')
      .get(trucId, caller.org);
    if (delivered !== undefined) {
      // The same statuses table the sender reads through GET /v1/outgoing/{id}/recipients.
      state.db
        .prepare('insert into statuses (document_id, org, code, reason, at, change_key) values (?, ?, ?, ?, ?, ?)')
        .run(trucId, caller.org, senderStatus, null, now, stepId);
    }
  }
  return { caseState: change.fields.state ?? row?.state ?? '', recipients };
}
