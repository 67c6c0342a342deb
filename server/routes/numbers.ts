import {
  AllocatedNumberSchema,
  LeaseReturnedSchema,
  LeaseReturnRequestSchema,
  NumberRequestSchema,
} from '../../preload/contract/wire/numbers.ts';
import { authenticate } from '../auth.ts';
import { applyOnce } from '../idempotency.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';
import { takeNumbers } from './leases.ts';

type RegisterKind = 'di' | 'den';

/**
 * The next number of a register, in order of receipt: the lowest number a workstation gave back
 * from a leased block (so none is lost), else the counter, skipping numbers a registration already
 * holds (an older block, a paper register). Runs inside the caller's transaction.
 */
export function nextNumber(state: ServerState, org: string, kind: RegisterKind, year: number): number {
  const pooled = state.db
    .prepare('select no from returned_numbers where org = ? and kind = ? and year = ? order by no limit 1')
    .pluck()
    .get(org, kind, year) as number | undefined;
  if (pooled !== undefined) {
    state.db
      .prepare('delete from returned_numbers where org = ? and kind = ? and year = ? and no = ?')
      .run(org, kind, year, pooled);
    return pooled;
  }
  const used = state.db.prepare('select 1 from registrations where org = ? and year = ? and so_den = ?');
  for (;;) {
    const candidate = takeNumbers(state, org, kind, year, 1).from;
    if (kind === 'di' || used.get(org, year, candidate) === undefined) {
      return candidate;
    }
  }
}

/**
 * The number already allocated to a document and not yet used by any registration: a second
 * workstation asking for the same document, or registering it without a number, gets that one, so
 * two clerks receiving the same arrival never take two numbers for it.
 */
export function allocatedFor(
  state: ServerState,
  org: string,
  kind: RegisterKind,
  year: number,
  documentId: string,
): number | undefined {
  return state.db
    .prepare(
      `select a.no from number_allocations a
       where a.org = ? and a.kind = ? and a.year = ? and a.document_id = ?
         and not exists (select 1 from registrations r where r.org = a.org and r.year = a.year and r.so_den = a.no)
       order by a.no limit 1`,
    )
    .pluck()
    .get(org, kind, year, documentId) as number | undefined;
}

/** Whether a number went back to the pool: a registration may not claim it with an explicit số. */
export function isReturned(state: ServerState, org: string, kind: RegisterKind, year: number, no: number): boolean {
  return (
    state.db
      .prepare('select 1 from returned_numbers where org = ? and kind = ? and year = ? and no = ?')
      .get(org, kind, year, no) !== undefined
  );
}

/**
 * A document registered with a number other than the one allocated for it (its workstation
 * stopped waiting for the answer and took one from its block): the allocated number was never
 * used, so it goes back to the pool instead of leaving a gap. Inside the registration's transaction.
 */
export function releaseUnusedAllocation(
  state: ServerState,
  org: string,
  documentId: string,
  year: number,
  soDen: number,
): void {
  const unused = state.db
    .prepare(
      `select a.no from number_allocations a
       where a.org = ? and a.kind = 'den' and a.year = ? and a.document_id = ? and a.no <> ?
         and not exists (select 1 from registrations r where r.org = a.org and r.year = a.year and r.so_den = a.no)`,
    )
    .pluck()
    .all(org, year, documentId, soDen) as number[];
  const pool = state.db.prepare(
    `insert or ignore into returned_numbers (org, kind, year, no, lease_id, returned_at) values (?, 'den', ?, ?, '', ?)`,
  );
  for (const no of unused) {
    pool.run(org, year, no, state.now());
  }
}

interface LeaseRow {
  id: string;
  org: string;
  kind: RegisterKind;
  year: number;
  from_no: number;
  to_no: number;
}

export const numberRoutes = [
  route('POST', '/v1/numbers', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const body = NumberRequestSchema.safeParse(raw);
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Yêu cầu lấy số không hợp lệ.');
    }
    const { registerKind, year, documentId } = body.data;
    const outcome = applyOnce(state, ctx, caller.org, raw, (key) => {
      const already =
        documentId === undefined ? undefined : allocatedFor(state, caller.org, registerKind, year, documentId);
      if (already !== undefined) {
        return { status: 201, body: shaped(AllocatedNumberSchema, { registerKind, year, number: already }) };
      }
      const number = nextNumber(state, caller.org, registerKind, year);
      state.db
        .prepare(
          `insert into number_allocations (org, kind, year, no, key, document_id, created_at)
           values (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(caller.org, registerKind, year, number, key, documentId ?? null, state.now());
      return { status: 201, body: shaped(AllocatedNumberSchema, { registerKind, year, number }) };
    });
    await sendJson(ctx, outcome.status, outcome.body);
  }),

  route('POST', '/v1/leases/:id/return', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const body = LeaseReturnRequestSchema.safeParse(raw);
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Yêu cầu trả lại số không hợp lệ.');
    }
    const leaseId = ctx.params['id'] ?? '';
    const outcome = applyOnce(state, ctx, caller.org, raw, () => {
      const lease = state.db
        .prepare('select id, org, kind, year, from_no, to_no from leases where id = ? and org = ?')
        .get(leaseId, caller.org) as LeaseRow | undefined;
      if (lease === undefined) {
        throw new HttpProblem(404, 'NOT_FOUND', 'Không tìm thấy khối số.');
      }
      const { from } = body.data;
      if (from < lease.from_no || from > lease.to_no + 1) {
        throw new HttpProblem(422, 'INVALID_INPUT', 'Số trả lại nằm ngoài khối số.');
      }
      const cut = state.db.prepare('select from_no from lease_returns where lease_id = ?').pluck().get(leaseId) as
        number | undefined;
      if (cut !== undefined) {
        // A block is cut once: a second return with another key is the client's bug, the first cut stands.
        throw new HttpProblem(409, 'LEASE_RETURNED', 'Khối số đã được trả lại.', { from: cut });
      }
      state.db
        .prepare('insert into lease_returns (lease_id, from_no, returned_at) values (?, ?, ?)')
        .run(leaseId, from, state.now());
      const used = state.db.prepare('select 1 from registrations where org = ? and year = ? and so_den = ?');
      const pool = state.db.prepare(
        'insert or ignore into returned_numbers (org, kind, year, no, lease_id, returned_at) values (?, ?, ?, ?, ?, ?)',
      );
      let returned = 0;
      for (let no = from; no <= lease.to_no; no += 1) {
        // A number of the block already registered stays used (never given out twice).
        if (lease.kind === 'di' || used.get(caller.org, lease.year, no) === undefined) {
          returned += pool.run(caller.org, lease.kind, lease.year, no, leaseId, state.now()).changes;
        }
      }
      return { status: 200, body: shaped(LeaseReturnedSchema, { leaseId, from, to: lease.to_no, returned }) };
    });
    await sendJson(ctx, outcome.status, outcome.body);
  }),
];
