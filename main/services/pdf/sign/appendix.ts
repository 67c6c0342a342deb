import type { Placement } from '../placement.ts';
import type { Signer } from '../signer.ts';
import type { AppearanceFactory } from './appearance.ts';
import type { TimestampSource } from './cms.ts';
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
}

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

/** Organization signature on an electronic copy (SAO Y / SAO LỤC / TRÍCH SAO), no image. */
export async function signCopy(bytes: Uint8Array, outPath: string, options: CopyOptions): Promise<SignResult> {
  const signingTime = options.signingTime ?? new Date();
  return signPdf(bytes, outPath, {
    signer: options.signer,
    role: 'copy',
    placement: options.placement ?? (await topRightOfFirstPage(bytes)),
    appearance: options.appearance,
    textLines: [copyLine(options.hinhThuc, options.coQuanSao, signingTime)],
    fontSize: FONT_SIZE,
    ...(options.pageRotation === undefined ? {} : { pageRotation: options.pageRotation }),
    signingTime,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.extraCertificates === undefined ? {} : { extraCertificates: options.extraCertificates }),
  });
}
