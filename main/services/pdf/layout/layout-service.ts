import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { VanthuError, errorMessageVi } from '../../../../preload/contract/index.ts';
import type {
  LayoutOverrideRequestSchema,
  LayoutOverrideSchema,
  LayoutProposal,
  LayoutProposeRequestSchema,
  PlacementCandidateDto,
} from '../../../../preload/contract/layout.ts';
import { POINTS_PER_MM, visualPageSize, type PageFrame } from '../../../domain/nd30/geometry.ts';
import { screenToUser, userToScreen } from '../../../domain/nd30/screen.ts';
import type { Logger } from '../../log/logger.ts';
import type { SettingsStore } from '../../settings/settings-store.ts';
import { checkImage, type ImageKind } from '../stamp/image-check.ts';
import { findPlacements } from './find-placements.ts';
import type { PageRenderer } from './page-renderer.ts';
import { openPdf, readPageFrame } from './page-text.ts';
import type { PlacementOptions } from './types.ts';

export type LayoutProposeRequest = z.output<typeof LayoutProposeRequestSchema>;
export type LayoutOverrideRequest = z.output<typeof LayoutOverrideRequestSchema>;
export type LayoutOverride = z.output<typeof LayoutOverrideSchema>;

export interface LayoutService {
  /** `bytes`, when given, is the PDF itself (a stored file read through the file store); `path` then only names it. */
  propose(request: LayoutProposeRequest & { readonly bytes?: Uint8Array }): Promise<LayoutProposal>;
  override(request: LayoutOverrideRequest): LayoutOverride;
}

export interface LayoutServiceDeps {
  readonly settings: SettingsStore;
  readonly log: Logger;
  readonly renderer?: PageRenderer;
  readonly maxBytes?: number;
}

/** The signing limit of the provincial rules; a preview of a bigger file would be pointless. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Smallest box a user may drag, so an appearance stays legible. */
const MIN_BOX = { width: 20, height: 8 } as const;

export function createLayoutService(deps: LayoutServiceDeps): LayoutService {
  return {
    async propose(request) {
      const bytes = request.bytes ?? (await readBounded(request.path, deps.maxBytes ?? DEFAULT_MAX_BYTES));
      const images = deps.settings.get().images;
      const warnings: string[] = [];
      const signature = await loadImage(request.signatureImagePath ?? images.signaturePng, 'signature', warnings);
      const diameterMm = request.sealDiameterMm ?? images.sealDiameterMm;
      const seal = await loadImage(
        request.sealImagePath ?? images.sealPng,
        'seal',
        warnings,
        diameterMm * POINTS_PER_MM,
      );
      const options: PlacementOptions = {
        ...(signature === undefined ? {} : { signaturePng: signature.png }),
        ...(seal === undefined ? {} : { sealPng: seal.png }),
        // The seal image's own physical size wins unless the request names a diameter.
        ...(request.sealDiameterMm !== undefined || seal?.dpi === undefined ? { sealDiameterMm: diameterMm } : {}),
        ...(request.signerName === undefined ? {} : { signerName: request.signerName }),
        ...(request.appendixLines === undefined ? {} : { appendixLines: request.appendixLines }),
        ...(request.copyLines === undefined ? {} : { copyLines: request.copyLines }),
      };
      const proposal = await findPlacements(bytes, options);
      const pageIndexes = new Set<number>([0]);
      for (const list of Object.values(proposal.candidates)) {
        for (const c of list) {
          pageIndexes.add(c.placement.pageIndex);
        }
      }
      const frames = await readFrames(bytes, [...pageIndexes]);
      const frameOf = (i: number): PageFrame => frames.get(i) ?? { view: [0, 0, 595.28, 841.89], rotation: 0 };

      const candidates: PlacementCandidateDto[] = Object.values(proposal.candidates).flatMap((list) =>
        list.map((c) => ({
          role: c.role,
          pageIndex: c.placement.pageIndex,
          rect: c.placement.rect,
          screenRect: userToScreen(frameOf(c.placement.pageIndex), c.placement.rect),
          pageRotation: c.pageRotation,
          confidence: c.confidence,
          evidence: [...c.evidence],
        })),
      );
      const fields = proposal.fields.map((f) => ({
        kind: f.kind,
        pageIndex: f.placement.pageIndex,
        rect: f.placement.rect,
        screenRect: userToScreen(frameOf(f.placement.pageIndex), f.placement.rect),
        pageRotation: f.pageRotation,
        confidence: f.confidence,
        evidence: [...f.evidence],
      }));
      const pages = [];
      for (const pageIndex of [...pageIndexes].sort((a, b) => a - b)) {
        const frame = frameOf(pageIndex);
        const png =
          request.render && deps.renderer !== undefined
            ? await deps.renderer.render(bytes, pageIndex, request.dpi)
            : null;
        pages.push({
          pageIndex,
          ...visualPageSize(frame),
          rotation: frame.rotation,
          view: [...frame.view] as [number, number, number, number],
          image: png === null ? null : `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
        });
      }
      deps.log.info('layout.propose', {
        pages: proposal.pageCount,
        personal: proposal.candidates.personal.length,
        confidence: proposal.candidates.personal[0]?.confidence ?? 0,
      });
      return { pageCount: proposal.pageCount, candidates, fields, pages, warnings };
    },

    override(request) {
      if (request.screenRect.width < MIN_BOX.width || request.screenRect.height < MIN_BOX.height) {
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Khung chữ ký quá nhỏ.'), {
          details: { screenRect: request.screenRect },
        });
      }
      const frame: PageFrame = { view: request.view, rotation: request.rotation };
      return {
        role: request.role,
        pageIndex: request.pageIndex,
        rect: screenToUser(frame, request.screenRect),
        pageRotation: request.rotation,
      };
    },
  };
}

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const full = resolve(path);
  let size: number;
  try {
    size = (await stat(full)).size;
  } catch (cause) {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', full), { cause, details: { path: full } });
  }
  if (size > maxBytes) {
    throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'), { details: { path: full, size } });
  }
  return new Uint8Array(await readFile(full));
}

async function loadImage(
  path: string,
  kind: ImageKind,
  warnings: string[],
  printedWidthPt?: number,
): Promise<ReturnType<typeof checkImage> | undefined> {
  if (path === '') {
    return undefined;
  }
  const bytes = await readBounded(path, 10 * 1024 * 1024);
  const checked = checkImage(bytes, kind, printedWidthPt === undefined ? {} : { printedWidthPt });
  warnings.push(...checked.warnings);
  return checked;
}

async function readFrames(bytes: Uint8Array, pageIndexes: readonly number[]): Promise<Map<number, PageFrame>> {
  const pdf = await openPdf(bytes);
  try {
    const frames = new Map<number, PageFrame>();
    for (const i of pageIndexes) {
      frames.set(i, await readPageFrame(pdf, i));
    }
    return frames;
  } finally {
    await pdf.loadingTask.destroy();
  }
}
