import { CASE_TRANSITIONS, type PersonRole, type StepKind } from '../../preload/contract/office-roles.ts';
import { HttpProblem } from '../http.ts';
import type { ServerState } from '../state.ts';
import { colleague, type Person } from './people.ts';

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

export function refuse(code: string, detail: string, extra: Record<string, unknown> = {}): never {
  throw new HttpProblem(409, code, detail, extra);
}

export function outOfOrder(row: CaseRow, step: string): never {
  refuse('STEP_OUT_OF_ORDER', `Văn bản đang ở bước "${row.state}", không thể ${step}.`, { caseState: row.state });
}

export function requirePerson(state: ServerState, org: string, username: string, role: PersonRole): Person {
  const person = colleague(state, org, username);
  if (person === null || !person.roles.includes(role)) {
    throw new HttpProblem(422, 'PERSON_NOT_FOUND', `Không có ${role} "${username}" trong cơ quan.`, { username, role });
  }
  return person;
}

export function fullName(state: ServerState, org: string, username: string | null): string {
  return username === null ? '' : (colleague(state, org, username)?.fullName ?? username);
}

/** What a step does to its case: the columns it sets and who receives it. */
export interface Change {
  readonly fields: Partial<Omit<CaseRow, 'org' | 'id' | 'kind'>>;
  readonly recipients: readonly (string | null)[];
}

/** The states the workflow table lets `step` be taken from (preload/contract/office-roles.ts). */
export function fromStates(step: StepKind): string[] {
  return CASE_TRANSITIONS.filter((row) => row.step === step).map((row) => row.from);
}

/** The case a step continues: only a submit or a draft may start one. */
export function existing(row: CaseRow | undefined): CaseRow {
  if (row === undefined) {
    throw new HttpProblem(404, 'CASE_NOT_FOUND', 'Không tìm thấy văn bản trên hệ thống.');
  }
  return row;
}
