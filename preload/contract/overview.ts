import { z } from 'zod';
import { channel } from './define.ts';

/** Tổng quan's queues (main/domain/queues.ts); the names are the contract's, shown by the renderer. */
export const QUEUE_VALUES = [
  'cho-tiep-nhan',
  'cho-trinh',
  'cho-y-kien',
  'cho-ky',
  'cho-phat-hanh',
  'dang-xu-ly',
  'qua-han',
] as const;
export const QueueSchema = z.enum(QUEUE_VALUES);

export const OverviewSchema = z.object({
  role: z.enum(['van-thu', 'lanh-dao', 'chuyen-vien']),
  /** The person's queues, in the order shown, each with its count. */
  queues: z.array(
    z.object({
      queue: QueueSchema,
      count: z.number().int(),
      /** Where a click goes: the incoming or the outgoing list, filtered by these states or by lateness. */
      list: z.enum(['incoming', 'outgoing']),
      states: z.array(z.string()),
      overdue: z.boolean(),
    }),
  ),
  overdue: z.object({ incoming: z.number().int(), outgoing: z.number().int() }),
  countedAt: z.string(),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const overviewChannels = {
  /** One call, counted in main by SQL on the store's indexes. */
  'overview.get': channel(z.object({}).strict(), OverviewSchema),
};

/** A desktop notification forwarded to the page where the shell has no native one (browser shell). */
export const overviewEvents = {
  'notice.desktop': z.object({
    title: z.string(),
    body: z.string(),
    documentId: z.string().optional(),
    urgent: z.boolean().optional(),
  }),
};
