import { z } from 'zod';
import { channel } from './define.ts';
import { FileHandleSchema } from './files.ts';

/**
 * Preview of the signature or seal image as it will be stamped: the same ND30 checks as at signing
 * (PNG, transparent background, resolution at the printed size), the checked PNG as a data URL.
 */
export const ImagePreviewRequestSchema = z
  .object({
    kind: z.enum(['signature', 'seal']),
    /** A chosen file (handle) to try before using it; the configured image when omitted. */
    file: FileHandleSchema.optional(),
  })
  .strict();

export const ImagePreviewSchema = z.object({
  dataUrl: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  dpi: z.number().nullable(),
  downscaled: z.boolean(),
  /** Vietnamese notes (not blue, not red, low resolution …); the image is still usable. */
  warnings: z.array(z.string()),
});
export type ImagePreview = z.infer<typeof ImagePreviewSchema>;

export const imagesChannels = {
  'images.preview': channel(ImagePreviewRequestSchema, ImagePreviewSchema),
};
