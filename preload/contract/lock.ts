import { z } from 'zod';
import { channel } from './define.ts';

/** Whether the window is locked, and after how many idle minutes it locks itself (0 = never). */
export const LockStateSchema = z.object({
  locked: z.boolean(),
  idleMinutes: z.number().int().nonnegative(),
});
export type LockState = z.infer<typeof LockStateSchema>;

/**
 * The idle lock (issue #19). While locked, main answers these channels only; every other one is
 * refused with APP_LOCKED. The password is the person's sign-in password (checked by the offline
 * verifier), never the token PIN; it is checked once and dropped.
 */
export const lockChannels = {
  'lock.state': channel(z.object({}).strict(), LockStateSchema),
  /** A wrong password leaves the window locked and may be tried again (SYNC_AUTH). */
  'lock.unlock': channel(z.object({ password: z.string().min(1).max(200) }).strict(), LockStateSchema),
  /** Lock at once ("Khóa màn hình"). */
  'lock.now': channel(z.object({}).strict(), LockStateSchema),
};

/** The channels that still answer while the window is locked. */
export const LOCK_CHANNELS: ReadonlySet<string> = new Set(Object.keys(lockChannels));

export const lockEvents = {
  'lock.changed': LockStateSchema,
};
