import { z } from 'zod';
import { channel } from './define.ts';

export const DatabaseStatusSchema = z.object({
  state: z.enum(['ready', 'missing', 'from-future', 'corrupt', 'unavailable']),
  schemaVersion: z.number().int().nonnegative(),
  path: z.string(),
});

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'browser', 'cli']),
  nodeVersion: z.string(),
  profileDir: z.string(),
  database: DatabaseStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  'app.getInfo': channel(z.object({}).strict(), AppInfoSchema),
};
