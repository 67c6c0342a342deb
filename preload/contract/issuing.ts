import { z } from 'zod';
import { channel } from './define.ts';
import { AppErrorSchema } from './errors.ts';
import { FileHandleSchema } from './files.ts';
import { LayoutProposalSchema, PagePreviewSchema, RectSchema } from './layout.ts';
import { OutgoingDocumentSchema, OutgoingInputSchema } from './outgoing.ts';
import { TokenSelectorSchema } from './tokens.ts';

/**
 * The journey of an outgoing document (issue #15): each user action is one call naming the
 * document; main takes the input from the store, checks the previous step's output, does the
 * step, and records the result in one transaction. No step accepts a path.
 * draft (PDF + .docx/.odt/.doc source) → leader's certified signature (DocMDP P=2) → cấp số
 * (số, ký hiệu and date written into that signed file) → đóng dấu (organization signature with
 * the FieldMDP lock on số and date) → phát hành (that file, and only it).
 */
export const ISSUING_STAGES = ['nguon', 'du-thao', 'da-ky', 'da-cap-so', 'da-dong-dau'] as const;
export const IssuingStageSchema = z.enum(ISSUING_STAGES);
export type IssuingStage = z.infer<typeof IssuingStageSchema>;

/** Which token and key sign; the PIN travels beside it, once per call, to the login only. */
export const SignerChoiceSchema = z.object({
  modulePath: z.string().min(1).max(4096),
  token: TokenSelectorSchema,
  keyIdHex: z.string().regex(/^(?:[0-9a-fA-F]{2})+$/),
});
export type SignerChoice = z.infer<typeof SignerChoiceSchema>;

const PinSchema = z.string().min(1).max(64).nullable();

export const IssuingFileSchema = z.object({
  stage: IssuingStageSchema,
  sha256: z.string(),
  size: z.number().int(),
  fileName: z.string(),
});
export type IssuingFile = z.infer<typeof IssuingFileSchema>;

export const IssuingSignResultSchema = z.object({
  total: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ id: z.string(), ok: z.literal(true), document: OutgoingDocumentSchema }),
      z.object({ id: z.string(), ok: z.literal(false), error: AppErrorSchema }),
    ]),
  ),
});
export type IssuingSignResult = z.infer<typeof IssuingSignResultSchema>;

/**
 * A box a person drew on the page preview for a field the draft's text did not reveal: displayed
 * points from the top-left of the page as shown (after /Rotate). Main converts it to user space
 * with the page's own crop box and rotation, read from the file, not from the renderer.
 */
export const PlacedFieldSchema = z.object({ pageIndex: z.number().int().min(0), screenRect: RectSchema }).strict();
export type PlacedField = z.infer<typeof PlacedFieldSchema>;

/** The fields of a draft a person placed by hand, by kind (`details.kind` of the refusal). */
export const PlacedFieldsSchema = z
  .object({ so: PlacedFieldSchema.optional(), ngay: PlacedFieldSchema.optional() })
  .strict();
export type PlacedFields = z.infer<typeof PlacedFieldsSchema>;

export const DraftPageSchema = z.object({ pageCount: z.number().int(), page: PagePreviewSchema });
export type DraftPage = z.infer<typeof DraftPageSchema>;

export const issuingChannels = {
  /**
   * Tạo dự thảo: the PDF and its editable source, both kept (S-TN24 Điều 3 k6). The số and date
   * fields are found in the text; where one is not, the call refuses with
   * PDF_FIELD_PLACEMENT_NOT_FOUND (details.kind) and the person places it (`placed`) before the
   * leader signs, since no field can be added after the certification.
   */
  'issuing.createDraft': channel(
    z
      .object({
        input: OutgoingInputSchema,
        pdf: FileHandleSchema,
        source: FileHandleSchema,
        placed: PlacedFieldsSchema.optional(),
      })
      .strict(),
    OutgoingDocumentSchema,
  ),
  /** One page of a chosen draft PDF, rendered, to place a missing field on. */
  'issuing.draftPage': channel(
    z.object({ pdf: FileHandleSchema, pageIndex: z.number().int().min(0).max(1999) }).strict(),
    DraftPageSchema,
  ),
  /** Ký duyệt: many documents, one PIN, one token login; a result per document. */
  'issuing.sign': channel(
    z
      .object({
        ids: z.array(z.string().min(1)).min(1).max(200),
        signer: SignerChoiceSchema,
        pin: PinSchema,
        /** Echoed in `issuing.progress` so a screen can tell its batch from another. */
        batchId: z.string().max(100).optional(),
      })
      .strict(),
    IssuingSignResultSchema,
  ),
  /** Cấp số: the record's số, ký hiệu and date, written into the leader's signed file. */
  'issuing.issueNumber': channel(z.object({ id: z.string().min(1) }).strict(), OutgoingDocumentSchema),
  /** Đóng dấu: the organization's signature on the numbered file, locking số and date. */
  'issuing.seal': channel(
    z.object({ id: z.string().min(1), signer: SignerChoiceSchema, pin: PinSchema }).strict(),
    OutgoingDocumentSchema,
  ),
  /** Phát hành: the sealed file, checked once more, goes to the outbox with the publication. */
  'issuing.publish': channel(z.object({ id: z.string().min(1) }).strict(), OutgoingDocumentSchema),
  /** The files of each step, as kept in the store. */
  'issuing.files': channel(z.object({ id: z.string().min(1) }).strict(), z.array(IssuingFileSchema)),
  /**
   * Where the blue signature and the red seal will be placed on the document's stored file (ND30
   * layout, the page rendered): a preview read through main, never a path from the renderer.
   */
  'issuing.placement': channel(z.object({ id: z.string().min(1) }).strict(), LayoutProposalSchema),
};

export const issuingEvents = {
  /**
   * The document being signed (currentId set), at most ten times a second (a slow document is
   * always shown), and always once at the end (currentId null).
   */
  'issuing.progress': z.object({
    batchId: z.string().nullable(),
    done: z.number().int(),
    total: z.number().int(),
    currentId: z.string().nullable(),
  }),
} as const;
