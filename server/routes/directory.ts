import { authenticate } from '../auth.ts';
import { OrganizationsPageSchema } from '../../preload/contract/wire/directory.ts';
import { sendJson, shaped } from '../http.ts';
import { route } from '../router.ts';

/** The organization directory; `cursor` is the highest change sequence the client has seen. */
export const directoryRoutes = [
  route('GET', '/v1/organizations', async (state, ctx) => {
    authenticate(state, ctx);
    const cursor = Number(ctx.url.searchParams.get('cursor') ?? '0') || 0;
    const rows = state.db
      .prepare('select ma_dinh_danh as maDinhDanh, ten, seq from organizations where seq > ? order by seq limit 500')
      .all(cursor) as { maDinhDanh: string; ten: string; seq: number }[];
    const next = rows.length === 0 ? cursor : (rows[rows.length - 1]?.seq ?? cursor);
    await sendJson(
      ctx,
      200,
      shaped(OrganizationsPageSchema, {
        items: rows.map(({ maDinhDanh, ten }) => ({ maDinhDanh, ten })),
        nextCursor: String(next),
      }),
    );
  }),
];
