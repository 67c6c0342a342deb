import { randomBytes } from 'node:crypto';
import { HttpProblem, type RequestContext } from './http.ts';
import type { ServerState } from './state.ts';

export const ACCESS_TTL_MS = 15 * 60_000;
export const REFRESH_TTL_MS = 7 * 24 * 3_600_000;

export interface Caller {
  readonly username: string;
  readonly org: string;
}

export function issueTokens(state: ServerState, username: string) {
  const accessToken = randomBytes(24).toString('base64url');
  const refreshToken = randomBytes(24).toString('base64url');
  const now = state.now();
  const insert = state.db.prepare('insert into tokens (token, kind, username, expires_at) values (?, ?, ?, ?)');
  insert.run(accessToken, 'access', username, now + ACCESS_TTL_MS);
  insert.run(refreshToken, 'refresh', username, now + REFRESH_TTL_MS);
  return { accessToken, refreshToken, expiresIn: Math.floor(ACCESS_TTL_MS / 1000) };
}

/** Resolve the bearer token to a caller; 401 tells the client to refresh or log in again. */
export function authenticate(state: ServerState, ctx: RequestContext): Caller {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (match === null) {
    throw new HttpProblem(401, 'UNAUTHENTICATED', 'Thiếu mã truy cập.');
  }
  const row = state.db
    .prepare(
      `select t.username, t.expires_at, u.ma_dinh_danh as org from tokens t join users u using (username)
       where t.token = ? and t.kind = 'access'`,
    )
    .get(match[1]) as { username: string; expires_at: number; org: string } | undefined;
  if (row === undefined || row.expires_at <= state.now()) {
    throw new HttpProblem(401, 'TOKEN_EXPIRED', 'Mã truy cập không hợp lệ hoặc đã hết hạn.');
  }
  return { username: row.username, org: row.org };
}
