import { createHash } from 'node:crypto';
import { ProblemSchema } from '../preload/contract/wire/common.ts';
import { HttpProblem, shaped, type RequestContext } from './http.ts';
import type { ServerState } from './state.ts';

export interface Outcome {
  readonly status: number;
  readonly body: unknown;
}

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

export function idempotencyKey(ctx: RequestContext): string {
  const key = ctx.req.headers['idempotency-key'];
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new HttpProblem(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Thiếu hoặc sai Idempotency-Key.');
  }
  return key;
}

/**
 * Apply a mutation once per (organization, key). The change and the stored answer commit in one
 * transaction, so a crash can never leave one without the other; a repeat gets the first answer,
 * conflicts included. The same key with a different request is the client's bug: 422.
 */
export function applyOnce(
  state: ServerState,
  ctx: RequestContext,
  org: string,
  body: unknown,
  apply: (key: string) => Outcome,
): Outcome & { replayed: boolean } {
  const key = idempotencyKey(ctx);
  const requestHash = createHash('sha256')
    .update(`${ctx.req.method} ${ctx.url.pathname}\n${JSON.stringify(body)}`)
    .digest('hex');
  const run = state.db.transaction(() => {
    const previous = state.db
      .prepare('select request_hash, status, body from idempotency where org = ? and key = ?')
      .get(org, key) as { request_hash: string; status: number; body: string } | undefined;
    if (previous !== undefined) {
      if (previous.request_hash !== requestHash) {
        throw new HttpProblem(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key đã dùng cho một yêu cầu khác.');
      }
      return { status: previous.status, body: JSON.parse(previous.body) as unknown, replayed: true };
    }
    let outcome: Outcome;
    try {
      outcome = apply(key);
    } catch (error) {
      // Conflicts are answers too: remembered so that a repeat cannot succeed after the fact.
      if (error instanceof HttpProblem && error.status === 409) {
        outcome = {
          status: 409,
          body: shaped(ProblemSchema, { status: 409, code: error.code, detail: error.message, ...error.extra }),
        };
      } else {
        throw error;
      }
    }
    state.db
      .prepare(
        'insert into idempotency (org, key, method, path, request_hash, status, body) values (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(org, key, ctx.req.method ?? '', ctx.url.pathname, requestHash, outcome.status, JSON.stringify(outcome.body));
    return { ...outcome, replayed: false };
  });
  return run.immediate();
}
