import type { StepBody } from '../../preload/contract/office.ts';
import { stateAfter } from '../../preload/contract/office-roles.ts';
import { HttpProblem } from '../http.ts';
import type { ServerState } from '../state.ts';
import { existing, fullName, outOfOrder, refuse, requirePerson, type CaseRow, type Change } from './case-rows.ts';
import { withRole, type Person } from './people.ts';

/** A draft's steps up to the leader's signature: tạo, rút, trình ký (through a trưởng phòng or not), trả lại, ký. */
export function decideDraft(
  state: ServerState,
  caller: Person,
  row: CaseRow | undefined,
  body: Extract<StepBody, { kind: 'draft' | 'withdraw-draft' | 'submit-for-signature' | 'return-draft' | 'sign' }>,
): Change {
  const org = caller.org;
  switch (body.kind) {
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
  }
}
