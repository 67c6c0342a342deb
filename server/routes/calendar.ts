import { z } from 'zod';
import { authenticate } from '../auth.ts';
import { CalendarPageSchema } from '../../preload/contract/wire/directory.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The year's announced holiday arrangement (thông báo nghỉ lễ, tết), as the workstations import it. */
const ArrangementSchema = z
  .object({
    year: z.number().int().min(2000).max(2200),
    reference: z.string().min(1).max(200),
    blocks: z
      .object({ 'tet-am-lich': z.array(IsoDay).optional(), 'quoc-khanh': z.array(IsoDay).optional() })
      .optional(),
    extraDaysOff: z.array(z.object({ date: IsoDay, name: z.string().min(1) })).optional(),
    workdays: z.array(IsoDay).optional(),
  })
  .strict();

/** The table lives with its routes (API 1.4.0), made on first use so older data directories just gain it. */
function table(state: ServerState): ServerState['db'] {
  state.db.exec(`create table if not exists calendar_arrangements (year integer primary key, body text not null)`);
  return state.db;
}

/** The working calendar's announced days, for every workstation of the province. */
export const calendarRoutes = [
  route('GET', '/v1/calendar', async (state, ctx) => {
    authenticate(state, ctx);
    const rows = table(state).prepare('select body from calendar_arrangements order by year').pluck().all() as string[];
    await sendJson(ctx, 200, shaped(CalendarPageSchema, { items: rows.map((body) => JSON.parse(body) as unknown) }));
  }),
];

/** Loopback-only control: the province's administrator publishing a year's arrangement (tests, demo). */
export const calendarAdminRoutes = [
  route('PUT', '/__admin/calendar', async (state, ctx) => {
    const parsed = z.object({ items: z.array(ArrangementSchema).max(20) }).safeParse(await readJson(ctx.req));
    if (!parsed.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Thông báo lịch nghỉ không hợp lệ.');
    }
    const put = table(state).prepare(
      'insert into calendar_arrangements (year, body) values (?, ?) on conflict (year) do update set body = excluded.body',
    );
    for (const item of parsed.data.items) {
      put.run(item.year, JSON.stringify(item));
    }
    await sendJson(ctx, 200, { items: parsed.data.items.length });
  }),
];
