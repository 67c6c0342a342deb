import { IsoDateSchema } from '../../../preload/contract/define.ts';
import { StepBodyReadSchema } from '../../../preload/contract/office.ts';
import { z } from 'zod';

/**
 * Payloads of the outbox jobs the sync service sends to the provincial server. Each job carries
 * enough to replay the change without reading the rest of the database; the job id (uuid v7)
 * is sent as the `Idempotency-Key`, so a job replayed after a crash is applied once.
 */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const DocumentIdSchema = z.string().min(1);

/** Phụ lục VI fields of a document registered without the trục: the server has no other copy of them. */
export const IncomingMetadataSchema = z.object({
  tenLoai: z.string(),
  ngayBanHanh: IsoDateSchema,
  maCoQuanBanHanh: z.string().nullable(),
  nguoiKy: z.string(),
  chucVu: z.string(),
  doKhan: z.number().int(),
  doMat: z.number().int(),
  soTrang: z.number().int().nullable(),
});

export const IncomingRegisterJobSchema = z.object({
  documentId: DocumentIdSchema,
  registerId: z.string().min(1),
  /** Null while the number is provisional: the server assigns the final số đến. */
  soDen: z.number().int().positive().nullable(),
  soDenTam: z.number().int().positive().nullable(),
  ngayDen: IsoDateSchema,
  maDinhDanhVanBan: z.string().nullable(),
  soKyHieu: z.string(),
  coQuanBanHanh: z.string(),
  trichYeu: z.string(),
  fileSha256: Sha256Schema.nullable(),
  /** Where the document came from; absent in jobs queued before it was recorded (taken as the trục). */
  source: z.enum(['truc', 'email', 'giay', 'khac']).optional(),
  /** Present for paper and email documents, which the server learns of only through this job. */
  metadata: IncomingMetadataSchema.optional(),
});

/** Status feedback to the sender (01 đã đến … 06 hoàn thành, 02 trả lại with a reason; 15/16 answer a recall). */
export const IncomingStatusJobSchema = z.object({
  documentId: DocumentIdSchema,
  statusCode: z.enum(['01', '02', '03', '04', '05', '06', '15', '16']),
  reason: z.string().nullable(),
  at: z.string(),
});

/** What recipients see of a published document before opening its file (Phụ lục VI I). */
export const OutgoingMetadataSchema = z.object({
  soKyHieu: z.string(),
  ngayBanHanh: IsoDateSchema,
  tenLoai: z.string(),
  trichYeu: z.string(),
  nguoiKy: z.string(),
  chucVu: z.string(),
  doKhan: z.number().int(),
});

export const OutgoingPublishJobSchema = z.object({
  documentId: DocumentIdSchema,
  maDinhDanhVanBan: z.string(),
  recipients: z.array(z.object({ maDinhDanh: z.string(), ten: z.string() })).min(1),
  signedSha256: Sha256Schema,
  /** Phụ lục sent with the document, in order (each uploaded first); absent in jobs queued before appendices were sent. */
  appendices: z
    .array(z.object({ sha256: Sha256Schema, title: z.string(), fileName: z.string() }))
    .max(50)
    .optional(),
  /** Absent in jobs queued before it was carried; recipients then see only the số and date. */
  metadata: OutgoingMetadataSchema.optional(),
});

export const OutgoingRecallJobSchema = z.object({
  documentId: DocumentIdSchema,
  maDinhDanhVanBan: z.string(),
  reason: z.string().min(1),
});

/** Uploads are keyed by content hash, so two documents sharing a file upload it once. */
export const FileUploadJobSchema = z.object({
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
  fileName: z.string().regex(/^[A-Za-z0-9]{1,50}(\.[A-Za-z0-9]{1,8})?$/),
});

/**
 * One step of the office workflow (trình, phân công, tiến độ, hoàn thành, dự thảo, trình ký, trả lại,
 * đã ký, cấp số, đóng dấu, phát hành, thu hồi): the step itself is a discriminated union on `kind`
 * (preload/contract/office.ts). The job's key is the case, so a case's steps reach the server in order.
 */
export const OfficeStepJobSchema = z.object({
  caseId: z.string().min(1).max(100),
  /** Who took the step on this workstation (the server checks it is the session's person). */
  actor: z.string().min(1),
  /** Read through the renamed kinds: a job queued before an upgrade is sent under the current name. */
  step: StepBodyReadSchema,
});

export const jobSchemas = {
  'incoming.register': IncomingRegisterJobSchema,
  'incoming.status': IncomingStatusJobSchema,
  'outgoing.publish': OutgoingPublishJobSchema,
  'outgoing.recall': OutgoingRecallJobSchema,
  'file.upload': FileUploadJobSchema,
  'office.step': OfficeStepJobSchema,
} as const;

export type JobKind = keyof typeof jobSchemas;
export type JobPayload<K extends JobKind> = z.infer<(typeof jobSchemas)[K]>;

/**
 * A job's kind and payload together, as one discriminated union: reading `kind` tells the
 * compiler which payload it holds, and a row read back from the database is parsed through it
 * (an unknown kind or a payload of another shape is refused there, never sent).
 */
export const JobEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incoming.register'), payload: IncomingRegisterJobSchema }),
  z.object({ kind: z.literal('incoming.status'), payload: IncomingStatusJobSchema }),
  z.object({ kind: z.literal('outgoing.publish'), payload: OutgoingPublishJobSchema }),
  z.object({ kind: z.literal('outgoing.recall'), payload: OutgoingRecallJobSchema }),
  z.object({ kind: z.literal('file.upload'), payload: FileUploadJobSchema }),
  z.object({ kind: z.literal('office.step'), payload: OfficeStepJobSchema }),
]);

/** Validate a payload read back from the database; a job that fails this is failed permanently. */
export function parseJobPayload<K extends JobKind>(kind: K, payload: unknown): JobPayload<K> {
  return jobSchemas[kind].parse(payload) as JobPayload<K>;
}
