import { z } from 'zod';

/**
 * Progress of the in-place encryption of a plain profile on the first start after the upgrade
 * (issue #19), pushed by main to a window that shows only this, before the app opens.
 */
export const ProfileEncryptingSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('key') }),
  z.object({ phase: z.literal('database'), bytes: z.number().int().nonnegative() }),
  z.object({ phase: z.literal('files'), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  z.object({ phase: z.literal('done'), files: z.number().int().nonnegative() }),
]);
export type ProfileEncrypting = z.infer<typeof ProfileEncryptingSchema>;

export const profileStartEvents = {
  'profile.encrypting': ProfileEncryptingSchema,
};

/** The page's query string that makes the renderer show only the encryption progress. */
export const ENCRYPTING_QUERY = 'ma-hoa-ho-so';
