import { z } from 'zod';
import { channel } from './define.ts';

export const SyncStatusSchema = z.object({
  /** online: the last exchange reached the server; offline: it did not; unknown: not tried yet. */
  connection: z.enum(['unknown', 'online', 'offline']),
  /** The server refused our session: the user must log in again. */
  authRequired: z.boolean(),
  running: z.boolean(),
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  inboxCursor: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncConflictSchema = z.object({
  jobId: z.string(),
  jobKind: z.string(),
  documentKey: z.string(),
  kind: z.enum(['conflict', 'permanent']),
  code: z.string(),
  message: z.string(),
  resolution: z.string(),
  at: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const SyncProgressSchema = z.object({
  direction: z.enum(['upload', 'download']),
  sha256: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const syncChannels = {
  'sync.status': channel(z.object({}).strict(), SyncStatusSchema),
  /** Run a sync round now instead of waiting for the next one. */
  'sync.retryNow': channel(z.object({}).strict(), SyncStatusSchema),
  'sync.conflicts': channel(z.object({}).strict(), z.array(SyncConflictSchema)),
};

export const syncEventSchemas = {
  'sync.changed': SyncStatusSchema,
  'sync.progress': SyncProgressSchema,
};
