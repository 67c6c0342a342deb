import { z } from 'zod';
import { AppendixSchema } from './appendices.ts';
import { DueSchema, ListOrderSchema } from './due.ts';
import { channel, IsoDateSchema } from './define.ts';

export const OUTGOING_STATE_VALUES = [
  'du-thao',
  'trinh-ky',
  'da-ky',
  'da-cap-so',
  'da-dong-dau',
  'da-phat-hanh',
  'da-thu-hoi',
] as const;
export const OutgoingStateSchema = z.enum(OUTGOING_STATE_VALUES);

export const RecipientSchema = z.object({
  maDinhDanh: z.string().min(1).max(35),
  ten: z.string().min(1).max(200),
});

/** A draft outgoing document (Phụ lục VI I); số, date and mã định danh văn bản come at cấp số. */
export const OutgoingInputSchema = z.object({
  tenLoai: z.string().min(1).max(100),
  kyHieu: z.string().min(1).max(30),
  trichYeu: z.string().min(1).max(500),
  coQuanBanHanh: z.string().min(1).max(200),
  maHoSo: z.string().max(37).nullable().default(null),
  ngonNgu: z.string().max(30).default('Tiếng Việt'),
  soTrang: z.number().int().positive().max(999).nullable().default(null),
  ghiChu: z.string().max(500).default(''),
  chucVu: z.string().max(100).default(''),
  nguoiKy: z.string().max(50).default(''),
  doKhan: z.number().int().min(0).max(9).default(0),
  doMat: z.number().int().min(0).max(9).default(0),
  soLuongBan: z.number().int().positive().max(999).default(1),
  hanTraLoi: IsoDateSchema.nullable().default(null),
  noiLuu: z.string().max(200).default(''),
  /** A separate numbering series (secret documents, QPPL); '' for the main one. */
  series: z.string().max(20).default(''),
  recipients: z.array(RecipientSchema).default([]),
});
export type OutgoingInput = z.infer<typeof OutgoingInputSchema>;

export const OutgoingRecipientSchema = RecipientSchema.extend({
  /** Latest processing status the recipient reported: 01 đã đến … 06 hoàn thành, 02 trả lại. */
  statusCode: z.string().nullable(),
  statusAt: z.string().nullable(),
  /** The reason given with 02 (trả lại). */
  statusReason: z.string().nullable(),
  /** The recipient's answer to a recall: 15 đồng ý, 16 từ chối; null while none came. */
  recallCode: z.string().nullable(),
  recallAt: z.string().nullable(),
});

/** Where a recall stands: how many recipients agreed, refused, or have not answered yet. */
export const RecallStateSchema = z.object({
  recalledAt: z.string().nullable(),
  reason: z.string(),
  agreed: z.number().int(),
  refused: z.number().int(),
  waiting: z.number().int(),
});

export const OutgoingDocumentSchema = OutgoingInputSchema.omit({ recipients: true }).extend({
  id: z.string(),
  registerId: z.string(),
  so: z.number().int().positive().nullable(),
  soKyHieu: z.string().nullable(),
  ngayBanHanh: IsoDateSchema.nullable(),
  maDinhDanhVanBan: z.string().nullable(),
  state: OutgoingStateSchema,
  fileSha256: z.string().nullable(),
  recallReason: z.string().nullable(),
  /** Null unless the document was recalled (thu hồi). */
  recall: RecallStateSchema.nullable(),
  recipients: z.array(OutgoingRecipientSchema),
  /** Phụ lục in separate files, in order; sent with the document when it is published. */
  appendices: z.array(AppendixSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The next due time (phát hành, hạn trả lời), kept by the store. */
  due: DueSchema.nullable().optional(),
});
export type OutgoingDocument = z.infer<typeof OutgoingDocumentSchema>;

export const outgoingChannels = {
  'outgoing.create': channel(z.object({ input: OutgoingInputSchema }).strict(), OutgoingDocumentSchema),
  'outgoing.get': channel(z.object({ id: z.string() }).strict(), OutgoingDocumentSchema),
  'outgoing.list': channel(
    z
      .object({
        state: OutgoingStateSchema.optional(),
        states: z.array(OutgoingStateSchema).max(10).optional(),
        overdue: z.boolean().optional(),
        order: ListOrderSchema.optional(),
        limit: z.number().int().positive().max(1000).default(100),
      })
      .strict(),
    z.array(OutgoingDocumentSchema),
  ),
  'outgoing.submit': channel(z.object({ id: z.string() }).strict(), OutgoingDocumentSchema),
  // Ký duyệt, cấp số, đóng dấu and phát hành are the issuing journey's (issuing.ts): they take the
  // document's stored files, never a path, and check each step's output before the next.
  'outgoing.recall': channel(
    z.object({ id: z.string(), reason: z.string().min(1).max(500) }).strict(),
    OutgoingDocumentSchema,
  ),
  /** The leader sends a draft back from trình ký to dự thảo with a comment the drafter reads. */
  'outgoing.return': channel(
    z.object({ id: z.string(), comment: z.string().trim().min(1).max(2000) }).strict(),
    OutgoingDocumentSchema,
  ),
  'outgoing.returns': channel(
    z.object({ id: z.string() }).strict(),
    z.array(z.object({ comment: z.string(), returnedBy: z.string(), returnedAt: z.string() })),
  ),
};
