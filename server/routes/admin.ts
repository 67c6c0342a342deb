import { z } from 'zod';
import { HttpProblem, readJson, sendJson } from '../http.ts';
import { route } from '../router.ts';

const FaultPatchSchema = z
  .object({
    errorRate: z.number().min(0).max(1),
    latencyMs: z.number().int().min(0),
    resetRate: z.number().min(0).max(1),
    outage: z.object({ startMs: z.number(), endMs: z.number() }).nullable(),
    dripBytesPerSecond: z.number().int().positive().nullable(),
    seed: z.number().int(),
  })
  .partial();

/**
 * Test and demo controls. Served only to loopback callers and never subject to faults, so a
 * test can change the weather of a run without restarting the server.
 */
export const adminRoutes = [
  route('GET', '/__admin/faults', async (state, ctx) => {
    await sendJson(ctx, 200, state.faults.config());
  }),
  route('PUT', '/__admin/faults', async (state, ctx) => {
    const patch = FaultPatchSchema.safeParse(await readJson(ctx.req));
    if (!patch.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Cấu hình lỗi giả lập không hợp lệ.');
    }
    state.faults.update(patch.data as never);
    await sendJson(ctx, 200, state.faults.config());
  }),
];
