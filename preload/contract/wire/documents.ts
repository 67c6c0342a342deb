import { z } from 'zod';
import { Sha256Schema, SourceSchema, WireDaySchema } from './common.ts';

/**
 * Documents delivered through the trục (the inbox), their registration in the sổ đến and the
 * statuses sent back to the sender.
 */

/** A file of a document: since API 1.3.0 the document itself ('chinh', also when absent) or one of its phụ lục. */
export const InboxFileSchema = z.looseObject({
  sha256: z.string(),
  name: z.string(),
  size: z.number(),
  kind: z.enum(['chinh', 'phu-luc']).optional(),
  title: z.string().nullable().optional(),
});
export type InboxFile = z.infer<typeof InboxFileSchema>;

/**
 * A số đến the server holds for an organization (API 1.2.0). `ngayDen` is absent from the
 * ALREADY_REGISTERED answers of older servers; `key` is the Idempotency-Key it was made with.
 */
export const ServerRegistrationSchema = z.looseObject({
  soDen: z.number().int(),
  year: z.number().int(),
  ngayDen: z.string().optional(),
  key: z.string().optional(),
});
export type ServerRegistration = z.infer<typeof ServerRegistrationSchema>;

/** A delivered document as it stands now; `nguoiKy`, `chucVu` and `doKhan` since API 1.1.0. */
export const InboxDocumentSchema = z.looseObject({
  id: z.string(),
  fromOrg: z.string(),
  soKyHieu: z.string(),
  trichYeu: z.string(),
  tenLoai: z.string(),
  ngayBanHanh: z.string(),
  nguoiKy: z.string().optional(),
  chucVu: z.string().optional(),
  doKhan: z.number().optional(),
  files: z.array(InboxFileSchema),
  recalledAt: z.string().nullable(),
  recallReason: z.string().nullable(),
  registration: ServerRegistrationSchema.nullable().optional(),
});
export type InboxDocument = z.infer<typeof InboxDocumentSchema>;

/** 'registered' since API 1.2.0: a workstation of the organization registered the document. */
export const InboxItemSchema = z.looseObject({
  seq: z.number(),
  kind: z.enum(['document', 'recall', 'registered']),
  document: InboxDocumentSchema,
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

/** `GET /v1/inbox` */
export const InboxPageSchema = z.looseObject({
  items: z.array(InboxItemSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

/** A document that did not come through the trục (paper, email): what the văn thư entered (Phụ lục VI). */
export const UnroutedDocumentSchema = z.object({
  source: SourceSchema.exclude(['truc']),
  metadata: z.object({
    maDinhDanhVanBan: z.string().max(120).nullable().optional(),
    tenLoai: z.string().min(1).max(100),
    soKyHieu: z.string().min(1).max(50),
    ngayBanHanh: WireDaySchema,
    coQuanBanHanh: z.string().min(1).max(200),
    maCoQuanBanHanh: z.string().max(35).nullable().optional(),
    trichYeu: z.string().min(1).max(500),
    nguoiKy: z.string().max(50).optional(),
    chucVu: z.string().max(100).optional(),
    doKhan: z.number().int().min(0).max(9).optional(),
    doMat: z.number().int().min(0).max(9).optional(),
    soTrang: z.number().int().positive().max(999).nullable().optional(),
  }),
  files: z.array(z.object({ sha256: Sha256Schema })).max(20),
});

/** `POST /v1/documents/{id}/registration`: `soDen` null asks the server for the next number. */
export const RegistrationRequestSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  soDen: z.number().int().positive().nullable(),
  ngayDen: WireDaySchema,
  document: UnroutedDocumentSchema.optional(),
});

/** The registration made: the server's số đến (a provisional number is replaced by it). */
export const RegistrationAnswerSchema = z.looseObject({
  documentId: z.string(),
  year: z.number().int(),
  soDen: z.number().int(),
});

/** edXML status codes: 01–06 while the document is live; 15 (đồng ý thu hồi) / 16 (từ chối thu hồi) answer a recall. */
export const StatusCodeSchema = z.enum(['01', '02', '03', '04', '05', '06', '15', '16']);

/** `POST /v1/documents/{id}/statuses` */
export const StatusRequestSchema = z
  .object({
    code: StatusCodeSchema,
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((s) => s.code !== '02' || s.reason !== undefined, { message: 'Trạng thái 02 cần lý do.' });

export const StatusAnswerSchema = z.looseObject({
  id: z.number().int(),
  documentId: z.string(),
  code: StatusCodeSchema,
  at: z.string(),
});
