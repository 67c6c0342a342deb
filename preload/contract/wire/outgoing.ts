import { z } from 'zod';
import { MA_DINH_DANH, Sha256Schema } from './common.ts';

/** `<OrganId>,<YYYY/MM/DD>,<Số>/<Ký hiệu>`: the edXML document identifier carries the number and date. */
export const MA_DINH_DANH_VAN_BAN = /^([A-Z0-9.]{1,35}),(\d{4})\/(\d{2})\/(\d{2}),(.+)$/;

/** `POST /v1/outgoing`: publish (phát hành) to recipients by mã định danh; every file uploaded first. */
export const PublishRequestSchema = z.object({
  id: z.string().min(1).max(100),
  maDinhDanhVanBan: z.string().regex(MA_DINH_DANH_VAN_BAN),
  trichYeu: z.string().max(2000).optional(),
  tenLoai: z.string().max(100).optional(),
  // Since API 1.1.0: shown to recipients with the trích yếu.
  nguoiKy: z.string().max(50).optional(),
  chucVu: z.string().max(100).optional(),
  doKhan: z.number().int().min(0).max(9).optional(),
  recipients: z.array(z.string().regex(MA_DINH_DANH)).min(1).max(500),
  files: z
    .array(
      z.object({
        sha256: Sha256Schema,
        name: z.string().min(1).optional(),
        // Since API 1.3.0: the document itself or one of its phụ lục (ND30 Phụ lục I, I.III.1), with its title.
        kind: z.enum(['chinh', 'phu-luc']).default('chinh'),
        title: z.string().trim().min(1).max(300).optional(),
      }),
    )
    .min(1)
    .max(51)
    .refine((files) => files.some((file) => file.kind === 'chinh'), { message: 'Thiếu tệp văn bản chính.' }),
});

export const PublishedSchema = z.looseObject({ id: z.string(), publishedAt: z.string() });

const StatusEntrySchema = z.looseObject({ code: z.string(), reason: z.string().nullable(), at: z.string() });

/** A recipient of a published document and the statuses it reported (01–06, 15/16). */
export const RecipientStatusSchema = z.looseObject({
  maDinhDanh: z.string(),
  ten: z.string(),
  latest: StatusEntrySchema.nullable(),
  statuses: z.array(StatusEntrySchema),
});
export type RecipientStatus = z.infer<typeof RecipientStatusSchema>;

/** `GET /v1/outgoing/{id}/recipients` */
export const RecipientsSchema = z.looseObject({ items: z.array(RecipientStatusSchema) });

/** `POST /v1/outgoing/{id}/recall` (thu hồi): recipients see a `recall` item in their inbox. */
export const RecallRequestSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

export const RecalledSchema = z.looseObject({ id: z.string(), recalledAt: z.string() });
