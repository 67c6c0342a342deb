import { z } from 'zod';
import { SourceSchema } from './common.ts';

/**
 * `GET /v1/registers/feed` (API 1.4.0): every registration (sổ đến) and issued document (sổ đi)
 * of the caller's organization, made at any of its workstations; files by hash, fetched on demand.
 * `key` is the Idempotency-Key the entry was made with.
 */
const FeedFileSchema = z.looseObject({ sha256: z.string(), size: z.number() });
const optionalText = z.string().nullable().optional();
const optionalNumber = z.number().nullable().optional();

export const RegisterFeedItemSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('den'),
    documentId: z.string(),
    key: z.string(),
    year: z.number().int(),
    soDen: z.number().int(),
    ngayDen: z.string(),
    source: SourceSchema,
    metadata: z.looseObject({
      maDinhDanhVanBan: optionalText,
      tenLoai: optionalText,
      soKyHieu: optionalText,
      ngayBanHanh: optionalText,
      coQuanBanHanh: optionalText,
      maCoQuanBanHanh: optionalText,
      trichYeu: optionalText,
      nguoiKy: optionalText,
      chucVu: optionalText,
      doKhan: optionalNumber,
      doMat: optionalNumber,
      soTrang: optionalNumber,
    }),
    files: z.array(FeedFileSchema),
  }),
  z.looseObject({
    kind: z.literal('di'),
    documentId: z.string(),
    key: z.string().nullable(),
    soKyHieu: z.string(),
    ngayBanHanh: z.string(),
    trichYeu: z.string(),
    tenLoai: z.string(),
    nguoiKy: z.string(),
    chucVu: z.string(),
    doKhan: z.number(),
    recipients: z.array(z.looseObject({ maDinhDanh: z.string(), ten: z.string() })),
    files: z.array(FeedFileSchema),
  }),
]);
export type RegisterFeedItem = z.infer<typeof RegisterFeedItemSchema>;
export type RegisterFeedFile = z.infer<typeof FeedFileSchema>;

export const RegistersFeedPageSchema = z.looseObject({
  items: z.array(RegisterFeedItemSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
