import { z } from 'zod';
import { channel, IsoDateSchema } from './define.ts';

/**
 * What the assistant reads in an incoming document for the people who handle it (issue #21
 * point 5): its Điều headings and the limits it sets (a short extractive summary), the hạn xử lý
 * those limits give on the working-day calendar, and who handled documents like it before.
 * Read-only suggestions, computed on the workstation; nothing is changed until a person takes one.
 */
export const DeadlineMentionSchema = z.object({
  /** The sentence that sets the limit, as printed. */
  text: z.string(),
  kind: z.enum(['ngay-co-dinh', 'so-ngay', 'so-ngay-lam-viec']),
  days: z.number().int().optional(),
  basis: z.enum(['ngay-den', 'ngay-ban-hanh']).optional(),
  /** The last day on time. */
  date: IsoDateSchema,
  /** Vietnamese: how the date was counted. */
  explanation: z.string(),
});

export const ChuTriSuggestionSchema = z.object({
  chuTri: z.string(),
  /** 0–1: the share of the similar documents' weight that went to this unit. */
  confidence: z.number().min(0).max(1),
  /** The similar past documents behind it, closest first. */
  because: z.array(z.object({ id: z.string(), soKyHieu: z.string(), trichYeu: z.string() })),
});
export type ChuTriSuggestion = z.infer<typeof ChuTriSuggestionSchema>;

export const IncomingHintsSchema = z.object({
  /** False when there is no file or no text to read (a scan without OCR). */
  hasText: z.boolean(),
  /** The legacy encoding the text was converted from, if any. */
  encoding: z.enum(['tcvn3', 'vni']).nullable(),
  dieu: z.array(z.object({ so: z.number().int(), text: z.string() })),
  deadlines: z.array(DeadlineMentionSchema),
  /** The earliest limit not yet past: what "Dùng hạn này" takes. */
  proposedHanXuLy: DeadlineMentionSchema.nullable(),
  chuTri: z.array(ChuTriSuggestionSchema),
});
export type IncomingHints = z.infer<typeof IncomingHintsSchema>;

export const hintsChannels = {
  /** The summary, proposed hạn xử lý and chủ trì suggestion of a stored incoming document. */
  'hints.incoming': channel(z.object({ id: z.string().min(1) }).strict(), IncomingHintsSchema),
};
