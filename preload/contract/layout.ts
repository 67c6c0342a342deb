import { z } from 'zod';
import { channel } from './define.ts';

/**
 * Placement preview: where ND30 puts each signature on a document, with the evidence, a
 * rendered page to show it on, and the conversion of a box the user dragged back to PDF space.
 */
export const SIGNATURE_ROLES = ['personal', 'organization', 'appendix', 'copy'] as const;
export const SignatureRoleSchema = z.enum(SIGNATURE_ROLES);

export const RectSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});

export const PageRotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);

export const PlacementCandidateSchema = z.object({
  role: SignatureRoleSchema,
  pageIndex: z.number().int().min(0),
  /** PDF user space of the page (points, origin bottom-left, before /Rotate). */
  rect: RectSchema,
  /** The same box as the reader sees the page: points, origin top-left of the displayed page. */
  screenRect: RectSchema,
  pageRotation: PageRotationSchema,
  confidence: z.number().min(0).max(1),
  /** Vietnamese: which lines matched. */
  evidence: z.array(z.string()),
});
export type PlacementCandidateDto = z.infer<typeof PlacementCandidateSchema>;

export const FieldCandidateSchema = PlacementCandidateSchema.omit({ role: true }).extend({
  kind: z.enum(['so', 'ngay']),
});

export const PagePreviewSchema = z.object({
  pageIndex: z.number().int().min(0),
  /** Displayed size in points (after /Rotate). */
  width: z.number(),
  height: z.number(),
  rotation: PageRotationSchema,
  /** Crop box in user space [x0 y0 x1 y1], needed to send a dragged box back. */
  view: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** `data:image/png;base64,…` of the page, or null when no renderer is available. */
  image: z.string().nullable(),
});

export const LayoutProposeRequestSchema = z
  .object({
    path: z.string().min(1),
    /** Overrides of the configured images and seal size. */
    signatureImagePath: z.string().optional(),
    sealImagePath: z.string().optional(),
    sealDiameterMm: z.number().positive().max(80).optional(),
    signerName: z.string().optional(),
    appendixLines: z.array(z.string()).optional(),
    copyLines: z.array(z.string()).optional(),
    /** Render the pages that hold a candidate; off for a quick answer. */
    render: z.boolean().default(true),
    dpi: z.number().int().min(36).max(200).default(72),
  })
  .strict();

export const LayoutProposalSchema = z.object({
  pageCount: z.number().int(),
  candidates: z.array(PlacementCandidateSchema),
  fields: z.array(FieldCandidateSchema),
  pages: z.array(PagePreviewSchema),
  /** Vietnamese notes about the configured images (not blue, not red …). */
  warnings: z.array(z.string()),
});
export type LayoutProposal = z.infer<typeof LayoutProposalSchema>;

/** A box the user dragged on the preview, in displayed points from the page's top-left. */
export const LayoutOverrideRequestSchema = z
  .object({
    role: SignatureRoleSchema,
    pageIndex: z.number().int().min(0),
    view: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    rotation: PageRotationSchema,
    screenRect: RectSchema,
  })
  .strict();

export const LayoutOverrideSchema = z.object({
  role: SignatureRoleSchema,
  pageIndex: z.number().int().min(0),
  rect: RectSchema,
  pageRotation: PageRotationSchema,
});

export const layoutChannels = {
  'layout.propose': channel(LayoutProposeRequestSchema, LayoutProposalSchema),
  'layout.override': channel(LayoutOverrideRequestSchema, LayoutOverrideSchema),
};
