import {
  CASE_TRANSITIONS,
  stateAfter,
  STEP_CASE_KIND,
  STEP_LABEL_VI,
  STEP_SENDER_STATUS,
  type PersonRole,
  type StepKind,
} from '../../preload/contract/office-roles.ts';
import { stepFiles, type StepBody } from '../../preload/contract/office.ts';
import { StepBodyReadSchema } from '../../preload/contract/wire/office.ts';
import { HttpProblem } from '../http.ts';
import type { ServerState } from '../state.ts';
import { colleague, withRole, type Person } from './people.ts';

export interface CaseRow {
  org: string;
  id: string;
  kind: 'incoming' | 'outgoing';
  state: string;
  title: string;
  meta: string;
  created_by: string;
  presented_by: string | null;
  leader: string | null;
  director: string | null;
  drafter: string | null;
  pending_with: string | null;
  draft_sha: string | null;
  truc_document_id: string | null;
  updated_at: number;
}

export function caseRow(state: ServerState, org: string, id: string): CaseRow | undefined {
  return state.db.prepare('select * from office_cases where org = ? and id = ?').get(org, id) as CaseRow | undefined;
}

function refuse(code: string, detail: string, extra: Record<string, unknown> = {}): never {
  throw new HttpProblem(409, code, detail, extra);
}

function outOfOrder(row: CaseRow, step: string): never {
  refuse('STEP_OUT_OF_ORDER', `Văn bản đang ở bước "${row.state}", không thể ${step}.`, { caseState: row.state });
}

function requirePerson(state: ServerState, org: string, username: string, role: PersonRole): Person {
  const person = colleague(state, org, username);
  if (person === null || !person.roles.includes(role)) {
    throw new HttpProblem(422, 'PERSON_NOT_FOUND', `Không có ${role} "${username}" trong cơ quan.`, { username, role });
  }
  return person;
}

function fullName(state: ServerState, org: string, username: string | null): string {
  return username === null ? '' : (colleague(state, org, username)?.fullName ?? username);
}

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

interface Change {
  readonly fields: Partial<Omit<CaseRow, 'org' | 'id' | 'kind'>>;
  readonly recipients: readonly (string | null)[];
}

/** The states the workflow table lets `step` be taken from (preload/contract/office-roles.ts). */
function fromStates(step: StepKind): string[] {
  return CASE_TRANSITIONS.filter((row) => row.step === step).map((row) => row.from);
}

/** The case a step continues: only a submit or a draft may start one. */
function existing(row: CaseRow | undefined): CaseRow {
  if (row === undefined) {
    throw new HttpProblem(404, 'CASE_NOT_FOUND', 'Không tìm thấy văn bản trên hệ thống.');
  }
  return row;
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
  const org = caller.org;
  if (body.kind !== 'submit' && body.kind !== 'draft') {
    existing(row);
  }
  switch (body.kind) {
    case 'submit': {
      requirePerson(state, org, body.to, 'lanh-dao');
      if (row !== undefined && row.director !== null) {
        refuse('ALREADY_DIRECTED', `Văn bản đã được ${fullName(state, org, row.director)} chỉ đạo.`, {
          directedBy: row.director,
          directedByName: fullName(state, org, row.director),
        });
      }
      return {
        fields: {
          state: stateAfter('submit'),
          title: body.document.trichYeu,
          meta: JSON.stringify(body.document),
          presented_by: caller.username,
          leader: body.to,
          pending_with: body.to,
          truc_document_id: body.document.trucDocumentId,
        },
        recipients: [body.to],
      };
    }
    case 'assign': {
      const current = existing(row);
      if (current.director !== null && current.director !== caller.username) {
        refuse('ALREADY_DIRECTED', `Văn bản đã được ${fullName(state, org, current.director)} chỉ đạo trước.`, {
          directedBy: current.director,
          directedByName: fullName(state, org, current.director),
        });
      }
      if (current.state === 'hoan-thanh') {
        outOfOrder(current, 'phân công');
      }
      for (const username of [body.chuTri, ...body.phoiHop]) {
        if (colleague(state, org, username) === null) {
          throw new HttpProblem(422, 'PERSON_NOT_FOUND', `Không có "${username}" trong cơ quan.`, { username });
        }
      }
      return {
        fields: { state: stateAfter('assign'), director: caller.username, pending_with: body.chuTri },
        recipients: [body.chuTri, ...body.phoiHop, current.presented_by],
      };
    }
    case 'progress':
    case 'complete': {
      const current = existing(row);
      const assignment = lastAssignment(state, org, current.id);
      const mayReport =
        assignment !== null &&
        (assignment.chuTri === caller.username ||
          (body.kind === 'progress' && assignment.phoiHop.includes(caller.username)));
      if (!mayReport) {
        throw new HttpProblem(403, 'NOT_ASSIGNED', 'Đồng chí không được phân công xử lý văn bản này.');
      }
      if (current.state === 'hoan-thanh') {
        refuse('ALREADY_COMPLETED', 'Văn bản đã được báo cáo hoàn thành.');
      }
      return {
        fields: { state: stateAfter(body.kind) },
        recipients: body.kind === 'complete' ? [current.director, current.presented_by] : [current.director],
      };
    }
    case 'draft': {
      if (row !== undefined) {
        if (row.drafter !== caller.username) {
          throw new HttpProblem(403, 'NOT_DRAFTER', 'Chỉ người soạn được thay dự thảo.');
        }
        if (!['du-thao', 'tra-lai', 'trinh-ky', 'xem-xet', 'da-rut'].includes(row.state)) {
          refuse('ALREADY_SIGNED', 'Dự thảo đã được ký; không thay được nữa.', { caseState: row.state });
        }
      }
      const draft = body.files.find((file) => file.role === 'du-thao');
      if (draft === undefined) {
        throw new HttpProblem(400, 'INVALID_INPUT', 'Dự thảo cần tệp PDF (vai trò du-thao).');
      }
      // Replacing the draft the leader holds takes it back: it must be submitted again.
      const heldBy = row !== undefined && ['trinh-ky', 'xem-xet'].includes(row.state) ? row.pending_with : null;
      return {
        fields: {
          state: stateAfter('draft'),
          title: body.trichYeu,
          meta: JSON.stringify({
            trichYeu: body.trichYeu,
            tenLoai: body.tenLoai,
            kyHieu: body.kyHieu ?? null,
            coQuanBanHanh: body.coQuanBanHanh ?? null,
            recipients: body.recipients ?? [],
          }),
          drafter: caller.username,
          pending_with: caller.username,
          draft_sha: draft.sha256,
        },
        recipients: [heldBy],
      };
    }
    case 'withdraw-draft': {
      const current = existing(row);
      if (current.drafter !== caller.username) {
        throw new HttpProblem(403, 'NOT_DRAFTER', 'Chỉ người soạn được rút dự thảo.');
      }
      if (!['du-thao', 'tra-lai', 'trinh-ky', 'xem-xet'].includes(current.state)) {
        refuse('ALREADY_SIGNED', 'Dự thảo đã được ký; không rút được nữa.', { caseState: current.state });
      }
      const heldBy = ['trinh-ky', 'xem-xet'].includes(current.state) ? current.pending_with : null;
      return { fields: { state: stateAfter('withdraw-draft'), pending_with: null }, recipients: [heldBy] };
    }
    case 'submit-for-signature': {
      const current = existing(row);
      requirePerson(state, org, body.to, 'lanh-dao');
      const forwarding = current.state === 'xem-xet' && current.pending_with === caller.username;
      if (!forwarding) {
        if (current.drafter !== caller.username) {
          throw new HttpProblem(403, 'NOT_DRAFTER', 'Chỉ người soạn được trình ký dự thảo.');
        }
        if (!['du-thao', 'tra-lai'].includes(current.state)) {
          outOfOrder(current, 'trình ký');
        }
      }
      if (current.draft_sha !== body.draftSha256) {
        refuse('DRAFT_REPLACED', 'Dự thảo đã được thay bằng bản mới.', { currentDraftSha256: current.draft_sha });
      }
      if (!forwarding && body.via !== null) {
        requirePerson(state, org, body.via, 'truong-phong');
        return {
          fields: { state: stateAfter(body.kind, true), pending_with: body.via, leader: body.to },
          recipients: [body.via],
        };
      }
      return {
        fields: { state: stateAfter(body.kind), pending_with: body.to, leader: body.to },
        recipients: [body.to],
      };
    }
    case 'return-draft':
    case 'sign': {
      const current = existing(row);
      if (current.state === 'da-rut') {
        refuse('DRAFT_WITHDRAWN', `Dự thảo đã được ${fullName(state, org, current.drafter)} rút lại.`, {
          drafter: current.drafter,
        });
      }
      if (current.draft_sha !== body.draftSha256) {
        refuse('DRAFT_REPLACED', `Dự thảo đã được ${fullName(state, org, current.drafter)} thay bằng bản mới.`, {
          drafter: current.drafter,
          currentDraftSha256: current.draft_sha,
        });
      }
      if (!['trinh-ky', 'xem-xet'].includes(current.state)) {
        if (current.state === 'da-ky' || current.state === 'da-cap-so' || current.state === 'da-dong-dau') {
          refuse('ALREADY_SIGNED', 'Dự thảo đã được ký.', { caseState: current.state });
        }
        outOfOrder(current, body.kind === 'sign' ? 'ký' : 'trả lại');
      }
      if (current.pending_with !== caller.username) {
        refuse('NOT_PENDING_WITH_YOU', `Dự thảo đang chờ ${fullName(state, org, current.pending_with)} xử lý.`, {
          pendingWith: current.pending_with,
        });
      }
      if (body.kind === 'return-draft') {
        return {
          fields: { state: stateAfter('return-draft'), pending_with: current.drafter },
          recipients: [current.drafter],
        };
      }
      return {
        fields: { state: stateAfter('sign'), director: caller.username, pending_with: null },
        recipients: [current.drafter, ...withRole(state, org, 'van-thu')],
      };
    }
    case 'issue-number':
    case 'seal':
    case 'publish': {
      const current = existing(row);
      if (!fromStates(body.kind).includes(current.state)) {
        outOfOrder(current, STEP_LABEL_VI[body.kind]);
      }
      const others = withRole(state, org, 'van-thu');
      return {
        fields: {
          state: stateAfter(body.kind),
          ...(body.kind === 'publish' ? { truc_document_id: body.trucDocumentId } : {}),
        },
        recipients: body.kind === 'publish' ? [current.drafter, current.director, ...others] : others,
      };
    }
    case 'recall': {
      const current = existing(row);
      if (!fromStates('recall').includes(current.state)) {
        outOfOrder(current, STEP_LABEL_VI.recall);
      }
      return {
        fields: { state: stateAfter('recall') },
        recipients: [current.drafter, ...withRole(state, org, 'van-thu')],
      };
    }
  }
}

function lastAssignment(state: ServerState, org: string, caseId: string): { chuTri: string; phoiHop: string[] } | null {
  const body = state.db
    .prepare(
      `select body from office_steps where org = ? and case_id = ? and kind = 'assign' order by seq desc limit 1`,
    )
    .pluck()
    .get(org, caseId) as string | undefined;
  if (body === undefined) {
    return null;
  }
  // The step as it arrived (parsed then); parsed again rather than cast, since it lay in the database.
  const step = StepBodyReadSchema.parse(JSON.parse(body) as unknown);
  return step.kind === 'assign' ? { chuTri: step.chuTri, phoiHop: step.phoiHop } : null;
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
