import { z } from 'zod';
import { channel, IsoDateSchema } from './define.ts';

/** Báo cáo (issue #20): a period (dates in Vietnam, inclusive) and optionally a department. */
export const ReportRequestSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** Đơn vị chủ trì of the incoming documents (the latest phân công); empty for the whole office. */
    department: z.string().trim().max(200).default(''),
  })
  .strict()
  .refine((r) => r.from <= r.to, 'Ngày bắt đầu phải trước ngày kết thúc.');
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

const CountSchema = z.object({ key: z.string(), n: z.number().int() });

export const ReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  department: z.string(),
  generatedAt: z.string(),
  /** Until the registers replicate, the figures are this workstation's store only. */
  scope: z.literal('may-tram'),
  received: z.object({
    total: z.number().int(),
    byType: z.array(CountSchema),
    bySource: z.array(CountSchema),
    /** Arrived through the Trục or by e-mail (electronic), not on paper. */
    electronic: z.number().int(),
    done: z.number().int(),
    doneOnTime: z.number().int(),
    doneLate: z.number().int(),
    /** Not finished and past the due time now. */
    overdue: z.number().int(),
    /** Days from arrival to hoàn thành, over the finished ones; null when none finished. */
    averageDays: z.number().nullable(),
  }),
  issued: z.object({
    total: z.number().int(),
    byType: z.array(CountSchema),
    /** Issued as a signed electronic file (not paper only). */
    electronic: z.number().int(),
    /** With the leader's digital signature (the issuing chain's signed file). */
    signedDigitally: z.number().int(),
    publishedOnTime: z.number().int(),
    publishedLate: z.number().int(),
    /** Days from the draft's creation to phát hành. */
    averageDays: z.number().nullable(),
  }),
});
export type Report = z.infer<typeof ReportSchema>;

export const reportsChannels = {
  'reports.compute': channel(ReportRequestSchema, ReportSchema),
  /** The report as an XLSX workbook, saved in the profile's exports folder; the name is returned. */
  'reports.exportXlsx': channel(ReportRequestSchema, z.object({ fileName: z.string(), bytes: z.number().int() })),
  /** The printable report (PDF), laid out in a worker. */
  'reports.print': channel(ReportRequestSchema, z.object({ fileName: z.string(), bytes: z.number().int() })),
};
