import { z } from 'zod';
import { DueSchema, ListOrderSchema } from './due.ts';
import { channel, IsoDateSchema } from './define.ts';
import { FileHandleSchema } from './files.ts';
import { ArrivalCheckSchema } from './arrival-check.ts';
import { VerifyReportSchema } from './verify.ts';

export const INCOMING_STATE_VALUES = [
  'da-den',
  'da-tiep-nhan',
  'tra-lai',
  'da-trinh',
  'phan-cong',
  'dang-xu-ly',
  'hoan-thanh',
  'thu-hoi',
] as const;
export const IncomingStateSchema = z.enum(INCOMING_STATE_VALUES);

export const IncomingSourceSchema = z.enum(['truc', 'email', 'giay', 'khac']);

/** What a văn thư enters for an incoming document (Phụ lục VI II); the app fills số đến and ngày đến. */
export const IncomingInputSchema = z.object({
  maDinhDanhVanBan: z.string().max(120).nullable().default(null),
  maHoSo: z.string().max(37).nullable().default(null),
  tenLoai: z.string().min(1).max(100),
  so: z.string().min(1).max(11),
  kyHieu: z.string().max(30).default(''),
  ngayBanHanh: IsoDateSchema,
  coQuanBanHanh: z.string().min(1).max(200),
  maCoQuanBanHanh: z.string().max(35).nullable().default(null),
  trichYeu: z.string().min(1).max(500),
  ngonNgu: z.string().max(30).default('Tiếng Việt'),
  soTrang: z.number().int().positive().max(999).nullable().default(null),
  ghiChu: z.string().max(500).default(''),
  chucVu: z.string().max(100).default(''),
  nguoiKy: z.string().max(50).default(''),
  doKhan: z.number().int().min(0).max(9).default(0),
  doMat: z.number().int().min(0).max(9).default(0),
  noiNhan: z.string().max(1000).default(''),
  hanXuLy: IsoDateSchema.nullable().default(null),
  source: IncomingSourceSchema.default('giay'),
});
export type IncomingInput = z.infer<typeof IncomingInputSchema>;

export const IncomingDocumentSchema = IncomingInputSchema.extend({
  id: z.string(),
  registerId: z.string(),
  /** Final số đến; null while only a provisional number is held, or none yet (not received). */
  soDen: z.number().int().positive().nullable(),
  soDenTam: z.number().int().positive().nullable(),
  /** What the register shows: "05", or "T-03" for a provisional number; "" before tiếp nhận. */
  soDenHienThi: z.string(),
  ngayDen: IsoDateSchema,
  state: IncomingStateSchema,
  yKien: z.string(),
  fileSha256: z.string().nullable(),
  fileName: z.string().nullable(),
  /** The check made on arrival; null while it is pending (or for a document that needs none). */
  arrivalCheck: ArrivalCheckSchema.nullable(),
  /** A recalled document whose file was deleted from this workstation (the record stays). */
  fileRemoved: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The next due time (trình, hạn xử lý), kept by the store; absent from older peers. */
  due: DueSchema.nullable().optional(),
  /** The outgoing document this one answers (a reply to a hạn trả lời). */
  traLoiCho: z.string().nullable().optional(),
});
export type IncomingDocument = z.infer<typeof IncomingDocumentSchema>;

export const DuplicateWarningSchema = z.object({
  reason: z.enum(['ma-dinh-danh-van-ban', 'so-ky-hieu-co-quan']),
  documentId: z.string(),
  soDenHienThi: z.string(),
});
export type DuplicateWarning = z.infer<typeof DuplicateWarningSchema>;

export const IncomingAddResultSchema = z.object({
  document: IncomingDocumentSchema,
  duplicates: z.array(DuplicateWarningSchema),
});
export type IncomingAddResult = z.infer<typeof IncomingAddResultSchema>;

export const DocumentFilterSchema = z.object({
  search: z.string().max(200).optional(),
  state: z.string().optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  doKhan: z.number().int().min(0).max(9).optional(),
  /** Past its due time (trình, hạn xử lý) and not finished. */
  overdue: z.boolean().optional(),
  /** Several states at once (Tổng quan's "đang xử lý" is phân công and đang xử lý). */
  states: z.array(z.string()).max(10).optional(),
  order: ListOrderSchema.optional(),
  limit: z.number().int().positive().max(1000).default(100),
  offset: z.number().int().nonnegative().default(0),
});
export type DocumentFilter = z.infer<typeof DocumentFilterSchema>;

/** Phân công: who leads (chủ trì), who helps (phối hợp), by when [ND30 Điều 23]. */
export const AssignmentInputSchema = z.object({
  chuTri: z.string().trim().min(1).max(100),
  phoiHop: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  hanXuLy: IsoDateSchema.nullable().default(null),
  yKien: z.string().max(2000).default(''),
});
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>;

export const IncomingAssignmentSchema = AssignmentInputSchema.extend({
  assignedBy: z.string(),
  assignedAt: z.string(),
});
export type IncomingAssignment = z.infer<typeof IncomingAssignmentSchema>;

/**
 * The stored file of an incoming document with its saved verification verdict. Bytes travel as
 * base64 because the browser shell carries the contract as JSON; files are at most 50 MB.
 */
export const IncomingAttachmentSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  base64: z.string(),
  /** The verifier's report as kept by documents.verify / sync; null when never verified. */
  verification: z.record(z.string(), z.unknown()).nullable(),
});
export type IncomingAttachment = z.infer<typeof IncomingAttachmentSchema>;

export const incomingChannels = {
  'incoming.add': channel(
    z
      .object({
        input: IncomingInputSchema,
        // The received or scanned PDF as a chosen file's handle (files.*), never a typed path.
        file: FileHandleSchema.optional(),
        /** A paper document's scan below the digitisation standard, registered anyway: why (audited). */
        scanReason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    IncomingAddResultSchema,
  ),
  'incoming.list': channel(DocumentFilterSchema, z.array(IncomingDocumentSchema)),
  'incoming.get': channel(z.object({ id: z.string() }).strict(), IncomingDocumentSchema),
  'incoming.transition': channel(
    z
      .object({
        id: z.string(),
        to: IncomingStateSchema,
        note: z.string().max(2000).optional(),
        /** "Vẫn tiếp nhận, ghi lý do": tiếp nhận a document whose check is not conclusive; audited. */
        acceptReason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    IncomingDocumentSchema,
  ),
  /** The prepared trả lại message from the arrival check's reasons; null when there is nothing to say. */
  'incoming.returnReason': channel(z.object({ id: z.string() }).strict(), z.string().nullable()),
  /** After a recall (thu hồi) and the văn thư's confirmation: delete the file here, keep the record. */
  'incoming.removeRecalledFile': channel(z.object({ id: z.string() }).strict(), IncomingDocumentSchema),
  /** From trình (or again while being handled): state phân công, status 04 to the sender. */
  'incoming.assign': channel(
    z.object({ id: z.string(), assignment: AssignmentInputSchema }).strict(),
    z.object({ document: IncomingDocumentSchema, assignment: IncomingAssignmentSchema }),
  ),
  /** Link a reply to the outgoing document it answers (null unlinks); settles its hạn trả lời. */
  'incoming.linkReply': channel(
    z.object({ id: z.string(), outgoingId: z.string().nullable() }).strict(),
    IncomingDocumentSchema,
  ),
  'incoming.assignment': channel(z.object({ id: z.string() }).strict(), IncomingAssignmentSchema.nullable()),
  'incoming.attachment': channel(z.object({ id: z.string() }).strict(), IncomingAttachmentSchema),
  /** Verify the stored file (the renderer has no path to it) and keep the verdict with the document. */
  'incoming.verify': channel(
    z.object({ id: z.string(), offline: z.boolean().default(false) }).strict(),
    VerifyReportSchema,
  ),
};
