import type { StepBody } from '../../preload/contract/office.ts';
import { stateAfter } from '../../preload/contract/office-roles.ts';
import { StepBodyReadSchema } from '../../preload/contract/wire/office.ts';
import { HttpProblem } from '../http.ts';
import type { ServerState } from '../state.ts';
import { existing, fullName, refuse, requirePerson, outOfOrder, type CaseRow, type Change } from './case-rows.ts';
import { colleague, type Person } from './people.ts';

/** An incoming document's steps: trình, chỉ đạo and phân công, báo cáo tiến độ and hoàn thành. */
export function decideIncoming(
  state: ServerState,
  caller: Person,
  row: CaseRow | undefined,
  body: Extract<StepBody, { kind: 'submit' | 'assign' | 'progress' | 'complete' }>,
): Change {
  const org = caller.org;
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
