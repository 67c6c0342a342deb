import { z } from 'zod';

/**
 * A document's next due time (domain/deadlines.ts): which rule, the last on-time instant (ISO
 * UTC) and whether the step is wanted at once (urgent documents). Null when nothing is due.
 */
export const DUE_RULES = ['trinh', 'phat-hanh', 'han-xu-ly', 'han-tra-loi'] as const;
export const DueSchema = z.object({
  rule: z.enum(DUE_RULES),
  dueAt: z.string(),
  immediate: z.boolean(),
  /**
   * Quá hạn, xử lý ngay, đến hạn hôm nay or còn hạn — judged in main at the time of the answer,
   * on main's clock (the renderer's may differ from the workstation's notion of today).
   */
  state: z.enum(['qua-han', 'xu-ly-ngay', 'den-han-hom-nay', 'con-han']),
});
export type DueDto = z.infer<typeof DueSchema>;

/** Lists ask for the newest first (the register's order) or the most pressing first. */
export const ListOrderSchema = z.enum(['moi-nhat', 'khan-truoc']);
