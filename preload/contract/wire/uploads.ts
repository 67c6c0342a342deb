import { z } from 'zod';
import { Sha256Schema } from './common.ts';

/** `POST /v1/uploads`: declare a file by its hash (idempotent). The bytes go by PATCH, outside JSON. */
export const UploadRequestSchema = z.object({
  sha256: Sha256Schema,
  size: z
    .number()
    .int()
    .nonnegative()
    .max(2 * 1024 * 1024 * 1024),
});

/** Where to resume, and whether the server holds the whole file, checked (only then may a publish name it). */
export const UploadStateSchema = z.looseObject({
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  complete: z.boolean(),
});
