import { timingSafeEqual } from 'node:crypto';

export interface GuardInput {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly secret: string | undefined;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 421; reason: string };

/**
 * The browser shell's door: a request must name our loopback host (DNS-rebinding defence),
 * come from our own origin (cross-site defence) and carry the per-launch secret.
 */
export function checkRpcRequest(input: GuardInput, port: number, secret: string): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (input.host === undefined || !allowedHosts.includes(input.host)) {
    return { ok: false, status: 421, reason: 'host' };
  }
  if (input.origin === undefined || !allowedHosts.map((h) => `http://${h}`).includes(input.origin)) {
    return { ok: false, status: 403, reason: 'origin' };
  }
  if (input.secret === undefined || !sameSecret(input.secret, secret)) {
    return { ok: false, status: 403, reason: 'secret' };
  }
  return { ok: true };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
