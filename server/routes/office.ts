import { personCan, PERSON_ROLE_LABEL_VI, STEP_LABEL_VI, STEP_ROLES } from '../../preload/contract/office-roles.ts';
import {
  CLIENT_API_VERSION_HEADER,
  OfficeInboxPageSchema,
  StepAnswerSchema,
  StepBodyReadSchema,
} from '../../preload/contract/wire/office.ts';
import { knowsCurrentStepNames, withStepNamesFor } from '../office/step-names.ts';
import { authenticate } from '../auth.ts';
import { applyOnce } from '../idempotency.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { personOf } from '../office/people.ts';
import { applyStep } from '../office/steps.ts';
import { waitForPerson, wakePeople } from '../office/wakeups.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';

/** The longest a person's inbox request is held open (clients time out later than this). */
export const LONG_POLL_MAX_S = 25;
const PAGE = 100;

interface InboxRow {
  seq: number;
  case_id: string;
  step_id: string;
  kind: string;
  actor: string;
  body: string;
  at: number;
  org: string;
}

function itemsFor(state: ServerState, username: string, cursor: number, limit: number) {
  const rows = state.db
    .prepare(
      `select i.seq, s.case_id, s.step_id, s.kind, s.actor, s.body, s.at, s.org
       from office_inbox i join office_steps s on s.seq = i.step_seq
       where i.username = ? and i.seq > ? order by i.seq limit ?`,
    )
    .all(username, cursor, limit) as InboxRow[];
  return rows.map((row) => {
    const kase = state.db.prepare('select * from office_cases where org = ? and id = ?').get(row.org, row.case_id) as {
      kind: string;
      state: string;
      title: string;
      meta: string;
      drafter: string | null;
      director: string | null;
      pending_with: string | null;
      draft_sha: string | null;
    };
    const files = state.db
      .prepare('select sha256, name, role, size from office_case_files where org = ? and case_id = ? order by role')
      .all(row.org, row.case_id);
    const actor = personOf(state, row.actor);
    return {
      seq: row.seq,
      step: {
        id: row.step_id,
        kind: row.kind,
        by: { username: actor.username, fullName: actor.fullName, chucVu: actor.chucVu },
        at: new Date(row.at).toISOString(),
        body: JSON.parse(row.body) as unknown,
      },
      // The case as it stands now, with every file it holds: the recipient can work offline from here.
      case: {
        id: row.case_id,
        kind: kase.kind,
        state: kase.state,
        title: kase.title,
        meta: JSON.parse(kase.meta) as unknown,
        drafter: kase.drafter,
        director: kase.director,
        pendingWith: kase.pending_with,
        draftSha256: kase.draft_sha,
        files,
      },
    };
  });
}

/**
 * Whether the organization's trục inbox holds a document or a recall after `since`, and where that
 * inbox ends now (its cursor). A registration made by a workstation of the organization is no news.
 */
function trucArrivals(state: ServerState, org: string, since: number): { arrived: boolean; cursor: string } {
  const latest = state.db
    .prepare(`select max(seq) from inbox_events where org = ? and kind in ('document', 'recall')`)
    .pluck()
    .get(org) as number | null;
  const end = state.db.prepare('select max(seq) from inbox_events where org = ?').pluck().get(org) as number | null;
  return { arrived: (latest ?? 0) > since, cursor: String(Math.max(end ?? 0, since)) };
}

/** Workflow steps between the people of an organization (API 1.4.0). */
export const officeRoutes = [
  route('POST', '/v1/office/cases/:id/steps', async (state, ctx) => {
    const caller = personOf(state, authenticate(state, ctx).username);
    const actor = ctx.req.headers['x-vanthu-actor'];
    if (typeof actor === 'string' && actor !== caller.username) {
      // A step is its taker's: under another person's session it waits until they sign in (401, not applied).
      throw new HttpProblem(401, 'ACTOR_NOT_SIGNED_IN', `Bước này của ${actor}: cần ${actor} đăng nhập để gửi.`, {
        actor,
      });
    }
    const raw = await readJson(ctx.req);
    // A workstation not yet upgraded may send a step under its name before 1.7.0 (`number`): taken as `issue-number`.
    const body = StepBodyReadSchema.safeParse(raw);
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', body.error.issues[0]?.message ?? 'Bước xử lý không hợp lệ.');
    }
    if (!personCan(caller.roles, body.data.kind)) {
      const allowed = STEP_ROLES[body.data.kind].map((role) => PERSON_ROLE_LABEL_VI[role]).join(', ');
      throw new HttpProblem(403, 'ROLE_FORBIDDEN', `Chỉ ${allowed} được ${STEP_LABEL_VI[body.data.kind]}.`, {
        roles: caller.roles,
        step: body.data.kind,
      });
    }
    const caseId = ctx.params['id'] ?? '';
    if (!/^[A-Za-z0-9._:-]{1,100}$/.test(caseId)) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Mã văn bản không hợp lệ.');
    }
    let recipients: ReadonlySet<string> = new Set();
    const outcome = applyOnce(state, ctx, caller.org, raw, (key) => {
      const applied = applyStep(state, caller, caseId, key, body.data);
      recipients = applied.recipients;
      return { status: 201, body: shaped(StepAnswerSchema, { stepId: key, caseId, caseState: applied.caseState }) };
    });
    wakePeople(state, recipients);
    await sendJson(ctx, outcome.status, outcome.body);
  }),

  route('GET', '/v1/office/inbox', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const cursor = Number(ctx.url.searchParams.get('cursor') ?? '0') || 0;
    const limit = Math.min(Number(ctx.url.searchParams.get('limit') ?? PAGE) || PAGE, 500);
    const wait = Math.min(Math.max(Number(ctx.url.searchParams.get('wait') ?? '0') || 0, 0), LONG_POLL_MAX_S);
    // Since 1.6.0: the caller's /v1/inbox cursor. The request is then also answered when the trục
    // brings the organization a document or a recall after it, so the workstation pulls it at once.
    const trucCursor = ctx.url.searchParams.get('trucCursor');
    const trucNews = () => (trucCursor === null ? null : trucArrivals(state, caller.org, Number(trucCursor) || 0));
    let items = itemsFor(state, caller.username, cursor, limit);
    let truc = trucNews();
    const until = Date.now() + wait * 1000;
    while (items.length === 0 && truc?.arrived !== true && Date.now() < until) {
      // Long-poll: hold the request until a step is routed to this person (or the trục brings news they
      // asked for), the wait ends, or the client leaves. A wake for someone else's news waits on.
      const left = new AbortController();
      const onClose = () => left.abort();
      ctx.res.once('close', onClose);
      await waitForPerson(state, caller.username, until - Date.now(), left.signal);
      ctx.res.off('close', onClose);
      if (left.signal.aborted) {
        return;
      }
      items = itemsFor(state, caller.username, cursor, limit);
      truc = trucNews();
    }
    const last = items[items.length - 1];
    // Rows of the server's own tables (kinds and bodies stored as text): checked against the wire as they leave.
    const page = OfficeInboxPageSchema.parse({
      items,
      nextCursor: String(last?.seq ?? cursor),
      hasMore: items.length === limit,
      ...(truc === null ? {} : { truc }),
    });
    // A workstation before 1.7.0 reads cấp số under its old name (step-names.ts).
    const version = ctx.req.headers[CLIENT_API_VERSION_HEADER];
    const current = knowsCurrentStepNames(typeof version === 'string' ? version : undefined);
    await sendJson(ctx, 200, { ...page, items: page.items.map((item) => withStepNamesFor(item, current)) });
  }),
];
