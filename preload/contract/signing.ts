import { z } from 'zod';
import { channel, IsoDateSchema } from './define.ts';
import { AppErrorSchema } from './errors.ts';
import { PageRotationSchema, RectSchema } from './layout.ts';
import { TokenSelectorSchema } from './tokens.ts';

/**
 * The issuing flow as IPC (ND30, signing-notes §6): prepare the fields, the leader signs, the
 * văn thư numbers and seals; appendix and electronic-copy signatures; many files at once.
 * The PIN travels in the request only as far as the token login and is dropped there: it is
 * never stored, logged, returned or put in an error.
 */
const PathSchema = z.string().min(1).max(4096);

/** A box the user placed (PDF user space of the page), or 'auto' for the layout module's choice. */
export const SigningPlacementSchema = z.union([
  z.literal('auto'),
  z.object({ pageIndex: z.number().int().min(0), rect: RectSchema }),
]);

const FileSchema = z.object({ path: PathSchema, outPath: PathSchema });

const TokenRequestSchema = z.object({
  modulePath: PathSchema,
  token: TokenSelectorSchema,
  keyIdHex: z.string().regex(/^(?:[0-9a-fA-F]{2})+$/),
  /** Null for a PIN-pad token (entered on the device). */
  pin: z.string().min(1).max(64).nullable(),
  /** RFC 3161 time-stamping service for PAdES B-T; B-B without it. */
  tsaUrl: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * PAdES B-LT: after signing, a DSS increment with the chain and OCSP/CRL answers, so the
   * signature stays verifiable after the certificate expires. Best on the document's last
   * signature (mupdf 1.21 counts a DSS as a change against earlier signatures' locks).
   */
  longTerm: z.boolean().default(false),
});

export const HINH_THUC_SAO = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'] as const;

/** What to do to each file; shared by the single-file channels and the batch. */
export const SigningOperationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sign'),
    role: z.enum(['personal', 'organization']).default('personal'),
    /** DocMDP certification of the leader's signature (P=2 lets the number and seal follow). */
    certify: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    placement: SigningPlacementSchema.optional(),
  }),
  z.object({
    kind: z.literal('seal'),
    /**
     * FieldMDP lock on the số/ký hiệu and date fields, for a seal field created now. A field made
     * by prepare carries its lock from prepare and always signs with it, whatever this says.
     */
    lock: z.boolean().default(false),
    placement: SigningPlacementSchema.optional(),
  }),
  z.object({
    kind: z.literal('appendix'),
    soKyHieu: z.string().min(1).max(100),
    placement: SigningPlacementSchema.optional(),
  }),
  z.object({
    kind: z.literal('copy'),
    hinhThuc: z.enum(HINH_THUC_SAO).default('SAO Y'),
    /** The copying organization; the configured organization name when omitted. */
    coQuanSao: z.string().min(1).max(300).optional(),
    /**
     * Pages to copy (0-based, in order), for a TRÍCH SAO; all when omitted. A signed (issued)
     * input is always copied into a new file, signed by the copying organization.
     */
    pageIndexes: z.array(z.number().int().min(0)).min(1).max(2000).optional(),
    placement: SigningPlacementSchema.optional(),
  }),
]);
export type SigningOperation = z.output<typeof SigningOperationSchema>;

export const SignedFileSchema = z.object({
  /** The written file (the renderer's "path" of the signed copy). */
  path: z.string(),
  sha256: z.string(),
  fieldName: z.string(),
  bytesAdded: z.number(),
  signingTime: z.string(),
  /** What the B-LT increment added; absent without `longTerm`. */
  longTerm: z
    .object({
      certificates: z.number(),
      ocsps: z.number(),
      crls: z.number(),
      /** Certificates whose revocation status no responder gave. */
      unknown: z.array(z.string()),
    })
    .optional(),
});
export type SignedFile = z.infer<typeof SignedFileSchema>;

const SIGNATURE_ROLES = ['personal', 'organization', 'appendix', 'copy'] as const;

/** A box the user placed for one field (PDF user space); `pageRotation` is the turn of the text there. */
export const FieldBoxSchema = z.object({
  pageIndex: z.number().int().min(0),
  rect: RectSchema,
  pageRotation: PageRotationSchema.optional(),
});

export const PrepareRequestSchema = FileSchema.extend({
  signers: z.array(z.enum(SIGNATURE_ROLES)).min(1).default(['personal', 'organization']),
  /**
   * 'auto' reads the document's text (ND30 boxes) and refuses with PDF_FIELD_PLACEMENT_NOT_FOUND
   * (details.field) when a number or date box is not found; 'default' uses fixed A4 positions.
   */
  placement: z.enum(['auto', 'default']).default('auto'),
  /** Boxes the user placed for the number (ô 3) and date (ô 4) fields; they win over 'auto'. */
  soKyHieu: FieldBoxSchema.optional(),
  ngayBanHanh: FieldBoxSchema.optional(),
  /** Boxes the user placed for signature fields, by role; they win over 'auto'. */
  signerBoxes: z.partialRecord(z.enum(SIGNATURE_ROLES), FieldBoxSchema).optional(),
});

export const WriteNumberRequestSchema = FileSchema.extend({
  soKyHieu: z.string().min(1).max(100),
  ngayBanHanh: IsoDateSchema,
  diaDanh: z.string().max(100).optional(),
});

const single = <T extends z.ZodRawShape>(shape: T) => FileSchema.extend(TokenRequestSchema.shape).extend(shape);

export const SignRequestSchema = single(SigningOperationSchema.options[0].omit({ kind: true }).shape);
export const SealRequestSchema = single(SigningOperationSchema.options[1].omit({ kind: true }).shape);
export const AppendixRequestSchema = single(SigningOperationSchema.options[2].omit({ kind: true }).shape);
export const CopyRequestSchema = single(SigningOperationSchema.options[3].omit({ kind: true }).shape);

export const BatchRequestSchema = TokenRequestSchema.extend({
  files: z.array(FileSchema).min(1).max(500),
  operation: SigningOperationSchema,
  /** Echoed in `signing.progress` so a screen can tell its batch from another. */
  batchId: z.string().max(100).optional(),
});

export const BatchFileResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), path: z.string(), outPath: z.string(), value: SignedFileSchema }),
  z.object({ ok: z.literal(false), path: z.string(), outPath: z.string(), error: AppErrorSchema }),
]);

export const BatchResultSchema = z.object({
  total: z.number(),
  failed: z.number(),
  results: z.array(BatchFileResultSchema),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

export const signingChannels = {
  'signing.prepare': channel(
    PrepareRequestSchema,
    z.object({ path: z.string(), sha256: z.string(), fields: z.array(z.string()), bytesAdded: z.number() }),
  ),
  'signing.sign': channel(SignRequestSchema, SignedFileSchema),
  'signing.writeNumber': channel(
    WriteNumberRequestSchema,
    z.object({
      path: z.string(),
      sha256: z.string(),
      soText: z.string(),
      ngayText: z.string(),
      bytesAdded: z.number(),
    }),
  ),
  'signing.seal': channel(SealRequestSchema, SignedFileSchema),
  'signing.appendix': channel(AppendixRequestSchema, SignedFileSchema),
  'signing.copy': channel(CopyRequestSchema, SignedFileSchema),
  'signing.batch': channel(BatchRequestSchema, BatchResultSchema),
};

export const signingEvents = {
  /** Before each file (currentFile set) and once at the end (currentFile null). */
  'signing.progress': z.object({
    batchId: z.string().nullable(),
    done: z.number(),
    total: z.number(),
    currentFile: z.string().nullable(),
  }),
} as const;
