import { z } from 'zod';
import { ERROR_CODES } from './vanthu-error.ts';

export { ERROR_CODES, isVanthuError, VanthuError, type ErrorCode } from './vanthu-error.ts';

export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;
