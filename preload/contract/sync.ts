import { z } from 'zod';
import { channel } from './define.ts';

export const SyncStatusSchema = z.object({
  /** online: the last exchange reached the server; offline: it did not; unknown: not tried yet. */
  connection: z.enum(['unknown', 'online', 'offline']),
  /** The server refused our session: the user must log in again. */
  authRequired: z.boolean(),
  /** No usable session: show the login form (sync.login) before anything can be sent. */
  needsLogin: z.boolean(),
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

/**
 * A document whose số đến sync changed because another workstation of the organization had
 * registered it first: the register keeps one entry for it, with the server's number. `soDenCu`
 * is the number this workstation had taken (now unused, shown as such in the printed register),
 * `soDenTamCu` a provisional one. `state` is where the document was in its workflow (kept).
 */
export const RenumberingNoticeSchema = z.object({
  seq: z.number().int(),
  documentId: z.string(),
  soKyHieu: z.string(),
  trichYeu: z.string(),
  soDen: z.number().int().positive(),
  year: z.number().int(),
  soDenCu: z.number().int().positive().nullable(),
  soDenTamCu: z.number().int().positive().nullable(),
  state: z.string(),
  via: z.enum(['inbox', 'conflict']),
  at: z.string(),
});
export type RenumberingNotice = z.infer<typeof RenumberingNoticeSchema>;

export const SyncProgressSchema = z.object({
  direction: z.enum(['upload', 'download']),
  sha256: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

/** The password is sent once to the server and dropped: never stored, logged or returned. */
export const SyncLoginRequestSchema = z
  .object({
    serverUrl: z.url({ protocol: /^https?$/ }).optional(),
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .strict();

export const SyncLoginResultSchema = z.object({
  serverUrl: z.string(),
  username: z.string(),
  /** The organization the server says this account belongs to. */
  maDinhDanh: z.string(),
});
export type SyncLoginResult = z.infer<typeof SyncLoginResultSchema>;

export const syncChannels = {
  'sync.status': channel(z.object({}).strict(), SyncStatusSchema),
  /** Run a sync round now instead of waiting for the next one. */
  'sync.retryNow': channel(z.object({}).strict(), SyncStatusSchema),
  'sync.conflicts': channel(z.object({}).strict(), z.array(SyncConflictSchema)),
  /** The latest documents renumbered after the organization registered them elsewhere first. */
  'sync.renumberings': channel(
    z.object({ limit: z.number().int().positive().max(200).default(20) }).strict(),
    z.array(RenumberingNoticeSchema),
  ),
  'sync.login': channel(SyncLoginRequestSchema, SyncLoginResultSchema),
  /** Forget the session here (memory and the encrypted file); the next exchange needs a login. */
  'sync.logout': channel(z.object({}).strict(), SyncStatusSchema),
};

export const syncEventSchemas = {
  'sync.changed': SyncStatusSchema,
  'sync.progress': SyncProgressSchema,
};
