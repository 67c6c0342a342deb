import { z } from 'zod';
import { channel } from './define.ts';
import { FileHandleSchema } from './files.ts';

/**
 * Metadata an incoming PDF prints about itself (issue #21), read in main from its text layer:
 * each field with a confidence (0–1) and the text it came from. The registration form fills
 * only empty fields with it; the signer from the verification report wins over the text.
 */
export const MetadataFieldSchema = z.object({
  value: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.string(),
});

export const DocumentMetadataSchema = z.object({
  so: MetadataFieldSchema.optional(),
  kyHieu: MetadataFieldSchema.optional(),
  ngayBanHanh: MetadataFieldSchema.optional(),
  coQuanBanHanh: MetadataFieldSchema.optional(),
  tenLoai: MetadataFieldSchema.optional(),
  trichYeu: MetadataFieldSchema.optional(),
  nguoiKy: MetadataFieldSchema.optional(),
  chucVu: MetadataFieldSchema.optional(),
  noiNhan: MetadataFieldSchema.optional(),
});
export type DocumentMetadataDto = z.infer<typeof DocumentMetadataSchema>;
/** The fields main reads, in the order the form lists them: one list for main and the renderer. */
export const METADATA_FIELDS = DocumentMetadataSchema.keyof().options;

export const metadataChannels = {
  /** Read the fields of a chosen PDF (a file handle of purpose "pdf"). */
  'metadata.read': channel(z.object({ handle: FileHandleSchema }).strict(), DocumentMetadataSchema),
};
