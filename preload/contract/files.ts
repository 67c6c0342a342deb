import { z } from 'zod';
import { channel } from './define.ts';
import { VerifyReportSchema } from './verify.ts';

/**
 * Files as handles (issue #15). A new file enters through a chooser: Electron's dialog, or in the
 * browser shell `<input type=file>` / drag and drop streamed to the host in chunks. Main keeps the
 * bytes in the content-addressed store and gives the renderer an opaque handle; the renderer never
 * sees or types a file-system path, and main never reads a path the renderer names.
 */
export const FILE_PURPOSES = ['pdf', 'nguon', 'anh', 'chung-thu', 'lich-nghi'] as const;
export const FilePurposeSchema = z.enum(FILE_PURPOSES);
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

export const FileHandleSchema = z.uuid();

/** The name the person chose (shown back to them), never a path: no separators. */
const FileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name), 'Tên tệp không được chứa đường dẫn.');

export const ChosenFileSchema = z.object({
  handle: FileHandleSchema,
  name: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  purpose: FilePurposeSchema,
});
export type ChosenFile = z.infer<typeof ChosenFileSchema>;

/** One chunk of a streamed upload: at most 1 MiB of bytes (base64). */
export const MAX_CHUNK_BASE64 = 1_398_104;

export const filesChannels = {
  /** The native file dialog (Electron); null when the person cancels. */
  'files.choose': channel(z.object({ purpose: FilePurposeSchema }).strict(), ChosenFileSchema.nullable()),
  /** A file the renderer holds (browser shell, drag and drop): begin, append chunks in order, finish. */
  'files.begin': channel(
    z.object({ purpose: FilePurposeSchema, name: FileNameSchema, size: z.number().int().nonnegative() }).strict(),
    z.object({ handle: FileHandleSchema }),
  ),
  'files.append': channel(
    z
      .object({
        handle: FileHandleSchema,
        offset: z.number().int().nonnegative(),
        base64: z.string().max(MAX_CHUNK_BASE64),
      })
      .strict(),
    z.object({ received: z.number().int() }),
  ),
  'files.finish': channel(z.object({ handle: FileHandleSchema }).strict(), ChosenFileSchema),
  /** Verify the signatures of a chosen PDF before it is registered (tiếp nhận checks first). */
  'files.verify': channel(
    z.object({ handle: FileHandleSchema, offline: z.boolean().default(false) }).strict(),
    VerifyReportSchema,
  ),
};
