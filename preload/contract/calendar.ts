import { z } from 'zod';
import { channel } from './define.ts';
import { FileHandleSchema } from './files.ts';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The year's announced holiday arrangement (thông báo nghỉ lễ, tết): the days of Tết and Quốc
 * khánh, extra days off, Saturdays worked. From the server's /calendar or an administrator's
 * JSON file chosen through the file chooser; shape of `domain/calendar/holidays.ts YearArrangement`.
 */
export const YearArrangementSchema = z
  .object({
    year: z.number().int().min(2000).max(2200),
    reference: z.string().trim().min(1).max(200),
    blocks: z
      .object({ 'tet-am-lich': z.array(IsoDay).max(15).optional(), 'quoc-khanh': z.array(IsoDay).max(5).optional() })
      .strict()
      .optional(),
    extraDaysOff: z
      .array(z.object({ date: IsoDay, name: z.string().trim().min(1).max(200) }).strict())
      .max(30)
      .optional(),
    workdays: z.array(IsoDay).max(30).optional(),
  })
  .strict()
  .refine(
    (a) =>
      [
        ...Object.values(a.blocks ?? {}).flat(),
        ...(a.extraDaysOff ?? []).map((d) => d.date),
        ...(a.workdays ?? []),
      ].every((d) => d !== undefined && Number(d.slice(0, 4)) >= a.year - 1 && Number(d.slice(0, 4)) <= a.year + 1),
    'Ngày trong thông báo phải thuộc năm của thông báo.',
  );
export type YearArrangementDto = z.infer<typeof YearArrangementSchema>;

export const StoredArrangementSchema = z.object({
  arrangement: YearArrangementSchema,
  source: z.enum(['server', 'import']),
  storedAt: z.string(),
});
export type StoredArrangement = z.infer<typeof StoredArrangementSchema>;

export const calendarChannels = {
  'calendar.arrangements': channel(z.object({}).strict(), z.array(StoredArrangementSchema)),
  /** An administrator's import: a JSON file (one arrangement or a list) chosen through the file chooser. */
  'calendar.import': channel(z.object({ handle: FileHandleSchema }).strict(), z.array(StoredArrangementSchema)),
};
