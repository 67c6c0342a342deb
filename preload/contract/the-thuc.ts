import { z } from 'zod';
import { channel } from './define.ts';
import { DraftPageSchema } from './issuing.ts';

/**
 * Thể thức check of a draft before the leader signs (issue #21): rule-based findings against
 * NĐ 30/2020 Phụ lục I. Every finding names its rule, its source and its tolerance; findings
 * warn, they never block signing.
 */
export const TheThucFindingSchema = z.object({
  /** Stable rule id, e.g. "quoc-hieu". */
  rule: z.string(),
  /** Vietnamese: what is wrong. */
  message: z.string(),
  /** Vietnamese: where the rule comes from, e.g. "NĐ 30/2020, Phụ lục I, Phần II, mục 1". */
  source: z.string(),
  /** Vietnamese: what the check accepts, e.g. "cỡ chữ 12–13 (±0,3)". */
  tolerance: z.string(),
  pageIndex: z.number().int().min(0),
  /** Where on the page, top-left origin, points (the preview's frame); absent for the whole page. */
  box: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).optional(),
});
export type TheThucFinding = z.infer<typeof TheThucFindingSchema>;

export const TheThucReportSchema = z.object({
  /** The rules that ran, so the panel can say what was checked and found in order. */
  rulesChecked: z.array(z.string()),
  findings: z.array(TheThucFindingSchema),
  pageCount: z.number().int().min(0),
  millis: z.number(),
});
export type TheThucReport = z.infer<typeof TheThucReportSchema>;

export const theThucChannels = {
  /** Check the stored draft (stage du-thao) of an outgoing document. */
  'theThuc.checkDraft': channel(z.object({ id: z.string().min(1) }).strict(), TheThucReportSchema),
  /** One page of that stored draft, rendered in main, for drawing the findings' boxes over it. */
  'theThuc.page': channel(
    z.object({ id: z.string().min(1), pageIndex: z.number().int().min(0).max(1999) }).strict(),
    DraftPageSchema,
  ),
};
