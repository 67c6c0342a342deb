import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/vanthu-error.ts';
import {
  DEFAULT_SEAL_DIAMETER_MM,
  DEFAULT_SIGNATURE_ASPECT,
  POINTS_PER_MM,
  personalRect,
  printedSize,
  sealRect,
  toUserRect,
  topRightRect,
  visualPageSize,
} from '../../../domain/nd30/geometry.ts';
import { findHeaderFields } from '../../../domain/nd30/header-fields.ts';
import { findSignerBlocks, type SignerBlock } from '../../../domain/nd30/signer-blocks.ts';
import { centreX, rebuildLines } from '../../../domain/nd30/text-lines.ts';
import type { Rect, SignatureRole } from '../placement.ts';
import { readPngInfo } from '../stamp/png-info.ts';
import { textWidth } from './measure.ts';
import { openPdf, readPageText, type PageText } from './page-text.ts';
import type { FieldCandidate, PlacementCandidate, PlacementOptions, PlacementProposal } from './types.ts';

const EXAMPLE_APPENDIX = ['Số: 15/QĐ-UBND; 22/11/2026; 14:08:31 +07:00'];
const EXAMPLE_COPY = ['SAO Y; ỦY BAN NHÂN DÂN TỈNH; 22/11/2026; 14:08:31 +07:00'];

/**
 * Proposes where each ND30 signature goes, from the document's own text. The signer block is
 * searched from the last page backwards (it is almost always there, and reading only that
 * page keeps long documents fast, P17); the number and date fields come from page 1.
 */
export async function findPlacements(pdfBytes: Uint8Array, options: PlacementOptions = {}): Promise<PlacementProposal> {
  const pdf = await openPdf(pdfBytes);
  try {
    let blockPage: PageText | undefined;
    let blocks: SignerBlock[] = [];
    let firstPage: PageText | undefined;
    for (let index = pdf.numPages - 1; index >= 0; index -= 1) {
      const page = await readPageText(pdf, index);
      if (index === 0) {
        firstPage = page;
      }
      const found = findSignerBlocks(rebuildLines(page.items), options.signerName);
      if (found.length > 0) {
        blockPage = page;
        blocks = found;
        break;
      }
    }
    firstPage ??= await readPageText(pdf, 0);

    const personal: PlacementCandidate[] = [];
    const organization: PlacementCandidate[] = [];
    if (blockPage !== undefined) {
      const ordered = orderBlocks(blocks, options.signerName !== undefined);
      for (const block of ordered) {
        const [p, o] = blockCandidates(blockPage, block, options);
        personal.push(p);
        organization.push(o);
      }
    }
    const candidates: Record<SignatureRole, readonly PlacementCandidate[]> = {
      personal,
      organization,
      appendix: [await topRightCandidate(firstPage, 'appendix', options.appendixLines ?? EXAMPLE_APPENDIX, options)],
      copy: [await topRightCandidate(firstPage, 'copy', options.copyLines ?? EXAMPLE_COPY, options)],
    };
    return { pageCount: pdf.numPages, candidates, fields: fieldCandidates(firstPage) };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** The best candidate of a role, or the ND30 "not found" error the UI turns into "drag the box". */
export function bestCandidate(proposal: PlacementProposal, role: SignatureRole): PlacementCandidate {
  const best = proposal.candidates[role][0];
  if (best === undefined) {
    throw new VanthuError('PDF_PLACEMENT_NOT_FOUND', errorMessageVi('PDF_PLACEMENT_NOT_FOUND'));
  }
  return best;
}

/** Best first; among equals, the right column (where a single signer stands) first. */
function orderBlocks(blocks: readonly SignerBlock[], byConfidence: boolean): SignerBlock[] {
  const x = (b: SignerBlock) => {
    const l = b.titleLines[0];
    return l === undefined ? 0 : centreX(l);
  };
  return [...blocks].sort((a, b) => (byConfidence ? b.confidence - a.confidence : 0) || x(b) - x(a));
}

function blockCandidates(
  page: PageText,
  block: SignerBlock,
  options: PlacementOptions,
): [PlacementCandidate, PlacementCandidate] {
  const title = block.titleLines[block.titleLines.length - 1];
  if (title === undefined) {
    throw new Error('signer block without title line');
  }
  const name = block.nameLine;
  const top = title.y - 0.3 * title.size;
  const bottom = name !== undefined ? name.y + 0.8 * name.size : top - 70;
  const widest = Math.max(...block.titleLines.map((l) => l.x1 - l.x0), name === undefined ? 0 : name.x1 - name.x0);
  const aspect = imageAspect(options.signaturePng) ?? DEFAULT_SIGNATURE_ASPECT;
  const signature = personalRect(
    { centreX: centreX(title), top, bottom, maxWidth: Math.max(110, widest * 1.15) },
    aspect,
  );

  const seal = sealSize(options);
  const sealBox = withHouseText(sealRect(signature, seal.size), options);
  const common = { pageRotation: page.frame.rotation } as const;
  return [
    {
      ...common,
      role: 'personal',
      placement: { pageIndex: page.pageIndex, rect: toUserRect(page.frame, signature) },
      confidence: block.confidence,
      evidence: [`trang ${page.pageIndex + 1}`, ...block.evidence],
    },
    {
      ...common,
      role: 'organization',
      placement: { pageIndex: page.pageIndex, rect: toUserRect(page.frame, sealBox) },
      confidence: block.confidence * 0.95,
      evidence: [
        `trang ${page.pageIndex + 1}`,
        ...block.evidence,
        'dấu trùm khoảng 1/3 chữ ký về bên trái',
        seal.evidence,
      ],
    },
  ];
}

/**
 * House style (off by default; ND30 prescribes no text for the organization signature on the
 * main document): lines such as the organization's name and the ISO 8601 time under the seal.
 * The box grows downwards so the seal itself keeps its real size and place.
 */
function withHouseText(seal: Rect, options: PlacementOptions): Rect {
  const lines = options.organizationText ?? [];
  if (lines.length === 0) {
    return seal;
  }
  const extra = lines.length * (options.fontSize ?? 10) * 1.2 + 2;
  return { x: seal.x, y: seal.y - extra, width: seal.width, height: seal.height + extra };
}

function imageAspect(png: Uint8Array | undefined): number | undefined {
  if (png === undefined) {
    return undefined;
  }
  const info = readPngInfo(png);
  return info.width / info.height;
}

function sealSize(options: PlacementOptions): { size: { width: number; height: number }; evidence: string } {
  const info = options.sealPng === undefined ? undefined : readPngInfo(options.sealPng);
  if (info?.dpi !== undefined && options.sealDiameterMm === undefined) {
    const size = printedSize(info, info.dpi.x);
    return { size, evidence: `kích thước thật theo ảnh dấu (${Math.round(info.dpi.x)} dpi)` };
  }
  const mm = options.sealDiameterMm ?? DEFAULT_SEAL_DIAMETER_MM;
  const width = mm * POINTS_PER_MM;
  const height = info === undefined ? width : (width * info.height) / info.width;
  return { size: { width, height }, evidence: `đường kính dấu ${mm} mm` };
}

async function topRightCandidate(
  page: PageText,
  role: 'appendix' | 'copy',
  lines: readonly string[],
  options: PlacementOptions,
): Promise<PlacementCandidate> {
  const size = options.fontSize ?? 10;
  const widths = await Promise.all(lines.map((l) => textWidth(l, size)));
  const text = { width: Math.max(...widths) + 4, height: lines.length * size * 1.2 + 2 };
  const rect = topRightRect(visualPageSize(page.frame), text);
  return {
    role,
    placement: { pageIndex: 0, rect: toUserRect(page.frame, rect) },
    pageRotation: page.frame.rotation,
    confidence: 1,
    evidence: ['góc trên, bên phải, trang đầu (NĐ 30/2020, Phụ lục I)', `chữ đứng, cỡ ${size}`],
  };
}

function fieldCandidates(page: PageText): FieldCandidate[] {
  return findHeaderFields(rebuildLines(page.items)).map((f) => {
    // From below the last line's descenders to the first line's cap height (one or more lines).
    const bottom = f.lastLine.y - 0.3 * f.lastLine.size;
    const top = f.line.y + f.line.size;
    return {
      kind: f.kind,
      placement: {
        pageIndex: 0,
        rect: toUserRect(page.frame, { x: f.x0, y: bottom, width: f.x1 - f.x0, height: top - bottom }),
      },
      pageRotation: page.frame.rotation,
      confidence: f.confidence,
      evidence: [f.evidence],
    };
  });
}
