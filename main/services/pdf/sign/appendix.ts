import type { Placement } from '../placement.ts';
import type { Signer } from '../signer.ts';
import type { AppearanceFactory } from './appearance.ts';
import type { TimestampSource } from './cms.ts';
import { buildCopyDocument } from './copy-document.ts';
import { hasSignature } from './form.ts';
import { Increment } from './increment.ts';
import { pageBox } from './pages.ts';
import { appendixLine, copyLine, type HinhThucSao } from './issue-text.ts';
import { signPdf, type SignResult } from './sign.ts';

/** ND30 text block: Times-metric 10 pt; the box sits in the top margin at the right of page 1. */
const FONT_SIZE = 10;
const BOX = { width: 260, height: 16, right: 42, top: 20 } as const;

interface CommonOptions {
  readonly signer: Signer;
  readonly appearance: AppearanceFactory;
  readonly placement?: Placement;
  readonly pageRotation?: number;
  readonly signingTime?: Date;
  readonly timestamp?: TimestampSource;
  readonly extraCertificates?: readonly Uint8Array[];
}

export interface AppendixOptions extends CommonOptions {
  /** Số/ký hiệu of the main document the appendix belongs to. */
  readonly soKyHieu: string;
}

export interface CopyOptions extends CommonOptions {
  readonly hinhThuc: HinhThucSao;
  /** Name of the organization making the copy. */
  readonly coQuanSao: string;
  /** Pages to reproduce (0-based), for a TRÍCH SAO of part of a document; all when absent. */
  readonly pageIndexes?: readonly number[];
}

/** Name of the embedded original: letters and digits only, as the provincial file rules ask. */
const ORIGINAL_NAME = 'VanBanGoc.pdf';

/** Top right of page 1, inside the top margin (ô số 14 for copies; appendices likewise). */
async function topRightOfFirstPage(bytes: Uint8Array): Promise<Placement> {
  const inc = await Increment.open(bytes);
  const { x, y, width, height } = pageBox(inc, 0);
  return {
    pageIndex: 0,
    rect: {
      x: x + width - BOX.right - BOX.width,
      y: y + height - BOX.top - BOX.height,
      width: BOX.width,
      height: BOX.height,
    },
  };
}

/** Organization signature on a separate appendix file: no image, text only (ND30 I.III.1.d). */
export async function signAppendix(bytes: Uint8Array, outPath: string, options: AppendixOptions): Promise<SignResult> {
  const signingTime = options.signingTime ?? new Date();
  return signPdf(bytes, outPath, {
    signer: options.signer,
    role: 'appendix',
    placement: options.placement ?? (await topRightOfFirstPage(bytes)),
    appearance: options.appearance,
    textLines: [appendixLine(options.soKyHieu, signingTime)],
    fontSize: FONT_SIZE,
    ...(options.pageRotation === undefined ? {} : { pageRotation: options.pageRotation }),
    signingTime,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.extraCertificates === undefined ? {} : { extraCertificates: options.extraCertificates }),
  });
}

/**
 * Organization signature on an electronic copy (SAO Y / SAO LỤC / TRÍCH SAO), no image. An
 * unsigned input (a digitised paper document) is signed as it is. A signed input (a document
 * issued electronically) is copied into a new file first (`buildCopyDocument`): its own
 * revisions and certification stay untouched in the embedded original, and the copy's
 * signature covers the whole copy. A TRÍCH SAO of some pages always gets a new file.
 */
export async function signCopy(bytes: Uint8Array, outPath: string, options: CopyOptions): Promise<SignResult> {
  const signingTime = options.signingTime ?? new Date();
  const input =
    options.pageIndexes !== undefined || hasSignature(await Increment.open(bytes))
      ? await buildCopyDocument(bytes, {
          ...(options.pageIndexes === undefined ? {} : { pageIndexes: options.pageIndexes }),
          // An extract leaves pages out on purpose; the whole original would put them back.
          attachOriginal: options.hinhThuc !== 'TRÍCH SAO',
          originalName: ORIGINAL_NAME,
        })
      : bytes;
  return signPdf(input, outPath, {
    signer: options.signer,
    role: 'copy',
    placement: options.placement ?? (await topRightOfFirstPage(input)),
    appearance: options.appearance,
    textLines: [copyLine(options.hinhThuc, options.coQuanSao, signingTime)],
    fontSize: FONT_SIZE,
    ...(options.pageRotation === undefined ? {} : { pageRotation: options.pageRotation }),
    signingTime,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.extraCertificates === undefined ? {} : { extraCertificates: options.extraCertificates }),
  });
}
