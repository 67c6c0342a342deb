import { LoginRequestSchema, RefreshRequestSchema, SessionSchema } from '../../preload/contract/wire/auth.ts';
import { issueTokens } from '../auth.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { route } from '../router.ts';

export const authRoutes = [
  route('POST', '/v1/auth/login', async (state, ctx) => {
    const body = LoginRequestSchema.safeParse(await readJson(ctx.req));
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Thiếu tên đăng nhập hoặc mật khẩu.');
    }
    const user = state.db
      .prepare('select username, password, ma_dinh_danh as org from users where username = ?')
      .get(body.data.username) as { username: string; password: string; org: string } | undefined;
    if (user === undefined || user.password !== body.data.password) {
      throw new HttpProblem(401, 'BAD_CREDENTIALS', 'Sai tên đăng nhập hoặc mật khẩu.');
    }
    await sendJson(ctx, 200, shaped(SessionSchema, { ...issueTokens(state, user.username), maDinhDanh: user.org }));
  }),
  route('POST', '/v1/auth/refresh', async (state, ctx) => {
    const body = RefreshRequestSchema.safeParse(await readJson(ctx.req));
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Thiếu refreshToken.');
    }
    const row = state.db
      .prepare(`select username, expires_at from tokens where token = ? and kind = 'refresh'`)
      .get(body.data.refreshToken) as { username: string; expires_at: number } | undefined;
    if (row === undefined || row.expires_at <= state.now()) {
      throw new HttpProblem(401, 'REFRESH_EXPIRED', 'Phiên đăng nhập đã hết hạn, cần đăng nhập lại.');
    }
    // A refresh token is used once, so a stolen copy stops working after the owner's next refresh.
    state.db.prepare('delete from tokens where token = ?').run(body.data.refreshToken);
    const user = state.db.prepare('select ma_dinh_danh as org from users where username = ?').get(row.username) as {
      org: string;
    };
    await sendJson(ctx, 200, shaped(SessionSchema, { ...issueTokens(state, row.username), maDinhDanh: user.org }));
  }),
];
