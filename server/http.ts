import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import { ProblemSchema } from '../preload/contract/wire/common.ts';
import type { Faults } from './faults.ts';

/** A problem answer (RFC 9457 shape) with the project's machine-readable `code`. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    detail: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.headers = headers;
  }
}

/** Per-request state shared by the router, the idempotency layer and the fault layer. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Record<string, string>;
  readonly faults: Faults;
  /** Set by the fault layer: the change is applied, then the connection drops before the answer. */
  readonly loseAnswer: boolean;
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new HttpProblem(413, 'TOO_LARGE', 'Nội dung yêu cầu quá lớn.');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) {
    return {};
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'INVALID_JSON', 'Nội dung không phải JSON hợp lệ.');
  }
}

/** Write a body, slowly when the drip fault is on, and drop the connection when the answer must be lost. */
export async function sendBody(
  ctx: RequestContext,
  status: number,
  headers: Record<string, string | number>,
  body: Buffer,
): Promise<void> {
  const { res, faults } = ctx;
  if (ctx.loseAnswer) {
    ctx.req.socket?.destroy();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': body.length });
  const drip = faults.config().dripBytesPerSecond;
  if (drip === null || body.length === 0) {
    res.end(body);
    return;
  }
  // Slices every 20 ms so a slow link is felt by the client's read timeout, not just its total time.
  const slice = Math.max(1, Math.floor(drip / 50));
  for (let offset = 0; offset < body.length; offset += slice) {
    if (res.destroyed) {
      return;
    }
    res.write(body.subarray(offset, offset + slice));
    await delay(20);
  }
  res.end();
}

export function sendJson(ctx: RequestContext, status: number, value: unknown, headers: Record<string, string> = {}) {
  return sendBody(
    ctx,
    status,
    { 'content-type': 'application/json; charset=utf-8', ...headers },
    Buffer.from(JSON.stringify(value)),
  );
}

export function sendProblem(ctx: RequestContext, problem: HttpProblem): Promise<void> {
  return sendBody(
    { ...ctx, loseAnswer: false },
    problem.status,
    { 'content-type': 'application/problem+json; charset=utf-8', ...problem.headers },
    Buffer.from(
      JSON.stringify(
        shaped(ProblemSchema, {
          status: problem.status,
          code: problem.code,
          detail: problem.message,
          ...problem.extra,
        }),
      ),
    ),
  );
}

/**
 * An answer shaped by its wire schema (preload/contract/wire): typed where the route writes it and
 * checked before it is sent, so the reference server cannot drift from what clients parse. A
 * mismatch is this server's bug, answered 500 and warned about (app.ts).
 */
export function shaped<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  return schema.parse(value);
}
