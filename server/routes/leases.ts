import { randomUUID } from 'node:crypto';
import { LeaseGrantSchema, LeaseRequestSchema } from '../../preload/contract/wire/numbers.ts';
import { authenticate } from '../auth.ts';
import { applyOnce } from '../idempotency.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';

/**
 * Take the next `count` numbers of a register. The counter only moves forward inside one
 * immediate transaction, so two workstations can never hold overlapping blocks.
 */
export function takeNumbers(state: ServerState, org: string, kind: 'di' | 'den', year: number, count: number) {
  const row = state.db
    .prepare('select next_no from register_counters where org = ? and kind = ? and year = ?')
    .get(org, kind, year) as { next_no: number } | undefined;
  const from = row?.next_no ?? 1;
  state.db
    .prepare(
      `insert into register_counters (org, kind, year, next_no) values (?, ?, ?, ?)
       on conflict (org, kind, year) do update set next_no = excluded.next_no`,
    )
    .run(org, kind, year, from + count);
  return { from, to: from + count - 1 };
}

export const leaseRoutes = [
  route('POST', '/v1/leases', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const body = LeaseRequestSchema.safeParse(raw);
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Yêu cầu cấp khối số không hợp lệ.');
    }
    const { registerKind, year, count, workstationId } = body.data;
    const outcome = applyOnce(state, ctx, caller.org, raw, () => {
      const { from, to } = takeNumbers(state, caller.org, registerKind, year, count);
      const leaseId = randomUUID();
      state.db
        .prepare(
          'insert into leases (id, org, kind, year, workstation, from_no, to_no, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(leaseId, caller.org, registerKind, year, workstationId, from, to, state.now());
      return { status: 201, body: shaped(LeaseGrantSchema, { leaseId, registerKind, year, from, to }) };
    });
    await sendJson(ctx, outcome.status, outcome.body);
  }),
];
