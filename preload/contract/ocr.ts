import { z } from 'zod';
import { channel } from './define.ts';
import { FileHandleSchema } from './files.ts';
import { DocumentMetadataSchema } from './metadata.ts';

/** Names one OCR run, chosen by the screen: progress events carry it, `ocr.cancel` stops it. */
export const OcrRunIdSchema = z.string().min(1).max(64);

/**
 * OCR of a scanned paper document (issue #21 point 3), on the workstation: a chosen PDF (purpose
 * "pdf") or PNG (purpose "anh") is read in a worker thread; the text is kept beside the file for
 * search and the fields read from it come back for the registration form, each with a confidence
 * already lowered by how sure the OCR was.
 */
export const OcrReadRequestSchema = z
  .object({ handle: FileHandleSchema, purpose: z.enum(['pdf', 'anh']), runId: OcrRunIdSchema })
  .strict();

export const OcrReadResultSchema = z.object({
  metadata: DocumentMetadataSchema,
  pages: z.number().int().nonnegative(),
  /** Mean word confidence over the pages, 0–100. */
  confidence: z.number().min(0).max(100),
  characters: z.number().int().nonnegative(),
});
export type OcrReadResult = z.infer<typeof OcrReadResultSchema>;

export const ocrChannels = {
  'ocr.read': channel(OcrReadRequestSchema, OcrReadResultSchema),
  /** Stops a run: its `ocr.read` answers OCR_CANCELLED. False when no such run is going. */
  'ocr.cancel': channel(z.object({ runId: OcrRunIdSchema }).strict(), z.object({ cancelled: z.boolean() })),
};

export const ocrEvents = {
  /** After page `done` of `total` (0 when reading starts). */
  'ocr.progress': z.object({ runId: OcrRunIdSchema, done: z.number().int(), total: z.number().int() }),
} as const;
