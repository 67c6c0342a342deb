import { z } from 'zod';
import { channel } from './define.ts';
import { FileHandleSchema } from './files.ts';
import { AppendixRequestSchema } from './signing.ts';
import { VerifyReportSchema } from './verify.ts';

/**
 * Phụ lục in separate files [ND30 Phụ lục I, I.III.1]: they belong to their văn bản, carry its
 * số, ký hiệu in the organization's signature and travel with it. An outgoing document lists
 * them in order; an incoming one shows those that arrived with it.
 */
export const APPENDIX_KINDS = ['phu-luc'] as const;
export const AppendixKindSchema = z.enum(APPENDIX_KINDS);

export const AppendixSchema = z.object({
  /** Orders the list (1, 2, …); a removed appendix may leave a gap. */
  position: z.number().int().positive(),
  kind: AppendixKindSchema,
  /** As the văn thư named it, e.g. "Phụ lục I. Danh sách đơn vị". */
  title: z.string(),
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  /** The name sent to recipients (ASCII, at most 50 characters before the extension). */
  fileName: z.string(),
  /**
   * Signed by our organization (ký số phụ lục) on an outgoing document; null on an incoming one,
   * where the verifier, not the sender's claim, says whether a signature holds (on opening).
   */
  signed: z.boolean().nullable(),
});
export type Appendix = z.infer<typeof AppendixSchema>;

/**
 * Sign a PDF as an appendix of an outgoing document and attach it, in one request: the số, ký
 * hiệu comes from the record (never typed), the input is a chosen file, the signed copy goes into
 * the store. Token fields and PIN as for `signing.appendix`; the PIN stops at the token login.
 */
export const AddAppendixRequestSchema = AppendixRequestSchema.omit({ path: true, outPath: true, soKyHieu: true })
  .extend({
    id: z.string().min(1),
    title: z.string().trim().min(1).max(300),
    /** The appendix PDF as a chosen file's handle (files.*), never a typed path. */
    file: FileHandleSchema,
  })
  .strict();

const AppendixRefSchema = z.object({ id: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

/** A stored appendix file, as kept (by hash), for opening it in the app, verified on opening. */
export const AppendixFileSchema = z.object({
  fileName: z.string(),
  title: z.string(),
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  base64: z.string(),
  /** The verifier's report on the stored bytes; null when the file could not be verified. */
  verification: VerifyReportSchema.nullable(),
});
export type AppendixFile = z.infer<typeof AppendixFileSchema>;

export const appendicesChannels = {
  /** Sign (organization certificate, document's số, ký hiệu) and attach; allowed after cấp số, before phát hành. */
  'outgoing.addAppendix': channel(AddAppendixRequestSchema, AppendixSchema),
  /** Undo an appendix not yet sent; refused once the document is published. */
  'outgoing.removeAppendix': channel(AppendixRefSchema, z.array(AppendixSchema)),
  'outgoing.appendixFile': channel(AppendixRefSchema, AppendixFileSchema),
  /** Appendices that arrived with an incoming document, in the sender's order. */
  'incoming.appendices': channel(z.object({ id: z.string().min(1) }).strict(), z.array(AppendixSchema)),
  'incoming.appendixFile': channel(AppendixRefSchema, AppendixFileSchema),
};
