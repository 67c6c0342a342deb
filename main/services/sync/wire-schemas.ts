import { z } from 'zod';
import type { RecipientStatus, Session } from './api-client.ts';
import type {
  DirectoryEntry,
  InboxDocument,
  InboxFile,
  InboxItem,
  RegisterFeedItem,
  ServerRegistration,
} from './ports.ts';

/**
 * The provincial API's answers as the sync client reads them (server/openapi.yaml v1), parsed
 * instead of cast: a server that answers something else fails the round with BAD_RESPONSE
 * rather than writing a wrong shape into the store. Each schema is typed against the interface
 * the rest of sync uses, so the two cannot drift. Objects are loose: fields a newer server adds
 * pass through untouched, as they did before the answers were checked.
 */

export const SessionSchema: z.ZodType<Session> = z.looseObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  maDinhDanh: z.string(),
});

const DirectoryEntrySchema: z.ZodType<DirectoryEntry> = z.looseObject({ maDinhDanh: z.string(), ten: z.string() });

export const DirectoryPageSchema = z.looseObject({ items: z.array(DirectoryEntrySchema), nextCursor: z.string() });

/** The calendar's items are checked by the store's importer, which knows their shape. */
export const CalendarPageSchema = z.looseObject({ items: z.array(z.unknown()) });

const StatusSchema = z.looseObject({ code: z.string(), reason: z.string().nullable(), at: z.string() });

const RecipientStatusSchema: z.ZodType<RecipientStatus> = z.looseObject({
  maDinhDanh: z.string(),
  ten: z.string(),
  latest: StatusSchema.nullable(),
  statuses: z.array(StatusSchema),
});

export const RecipientsSchema = z.looseObject({ items: z.array(RecipientStatusSchema) });

export const AllocatedNumberSchema = z.looseObject({ number: z.number().int().positive() });

export const LeaseGrantSchema = z.looseObject({ leaseId: z.string(), from: z.number().int(), to: z.number().int() });

export const UploadStateSchema = z.looseObject({ offset: z.number().int().nonnegative(), complete: z.boolean() });

const FeedFileSchema = z.looseObject({ sha256: z.string(), size: z.number() });
const optionalText = z.string().nullable().optional();
const optionalNumber = z.number().nullable().optional();

const RegisterFeedItemSchema: z.ZodType<RegisterFeedItem> = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('den'),
    documentId: z.string(),
    key: z.string(),
    year: z.number().int(),
    soDen: z.number().int(),
    ngayDen: z.string(),
    source: z.enum(['truc', 'email', 'giay', 'khac']),
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

export const RegistersFeedPageSchema = z.looseObject({
  items: z.array(RegisterFeedItemSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

const InboxFileSchema: z.ZodType<InboxFile> = z.looseObject({
  sha256: z.string(),
  name: z.string(),
  size: z.number(),
  kind: z.enum(['chinh', 'phu-luc']).optional(),
  title: z.string().nullable().optional(),
});

const ServerRegistrationSchema: z.ZodType<ServerRegistration> = z.looseObject({
  soDen: z.number().int(),
  year: z.number().int(),
  ngayDen: z.string().optional(),
  key: z.string().optional(),
});

const InboxDocumentSchema: z.ZodType<InboxDocument> = z.looseObject({
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

const InboxItemSchema: z.ZodType<InboxItem> = z.looseObject({
  seq: z.number(),
  kind: z.enum(['document', 'recall', 'registered']),
  document: InboxDocumentSchema,
});

export const InboxPageSchema = z.looseObject({
  items: z.array(InboxItemSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

/** The answer to a registration: the server's số đến when it gave one (a provisional number is replaced by it). */
export const RegistrationAnswerSchema = z.looseObject({ soDen: z.number().int().optional() });
