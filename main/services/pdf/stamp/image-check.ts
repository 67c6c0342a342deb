import { PNG } from 'pngjs';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/vanthu-error.ts';
import { readPngInfo } from './png-info.ts';
import { setPngDpi } from './png-phys.ts';
import { downscaleRgba } from './png-resize.ts';

/**
 * Checks a configured signature or seal image against ND30 (PNG, transparent background, blue
 * signature, red seal) and downscales it to at most 300 dpi at its printed size, so every
 * signed file does not carry a 30 KB mask of a scanner's noise (signing-notes §10).
 */
export type ImageKind = 'signature' | 'seal';

export interface ImageCheckOptions {
  /** Width the image will be printed at, in points; the seal's own pHYs wins when present. */
  readonly printedWidthPt?: number;
  readonly maxDpi?: number;
}

export interface CheckedImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Resolution at the printed size, when known. */
  readonly dpi: number | undefined;
  readonly downscaled: boolean;
  /** Vietnamese, shown to the user; the image is still usable. */
  readonly warnings: readonly string[];
}

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
const MIN_TRANSPARENT_SHARE = 0.1;

function invalid(detail: string, details?: Record<string, unknown>): VanthuError {
  return new VanthuError(
    'IMAGE_INVALID',
    errorMessageVi('IMAGE_INVALID', detail),
    details === undefined ? {} : { details },
  );
}

export function checkImage(bytes: Uint8Array, kind: ImageKind, options: ImageCheckOptions = {}): CheckedImage {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw invalid('Ảnh quá lớn (trên 10 MB).', { bytes: bytes.length });
  }
  const info = readPngInfo(bytes);
  if (info.width * info.height > MAX_IMAGE_PIXELS) {
    throw invalid('Ảnh có quá nhiều điểm ảnh.', { width: info.width, height: info.height });
  }
  if (info.colorType !== 4 && info.colorType !== 6 && !info.hasTransparencyChunk) {
    throw invalid('Ảnh PNG không có nền trong suốt.');
  }
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (cause) {
    throw new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', 'Ảnh PNG bị hỏng.'), { cause });
  }
  const stats = inkStats(decoded.data);
  if (stats.transparentShare < MIN_TRANSPARENT_SHARE) {
    throw invalid('Ảnh PNG không có nền trong suốt.');
  }
  const warnings = colourWarnings(kind, stats);

  const maxDpi = options.maxDpi ?? 300;
  const ownDpi = kind === 'seal' ? info.dpi?.x : undefined;
  const printedWidthPt = ownDpi !== undefined ? (info.width * 72) / ownDpi : options.printedWidthPt;
  if (printedWidthPt === undefined) {
    return { png: bytes, width: info.width, height: info.height, dpi: info.dpi?.x, downscaled: false, warnings };
  }
  const dpi = (info.width * 72) / printedWidthPt;
  if (dpi <= maxDpi * 1.05) {
    return { png: bytes, width: info.width, height: info.height, dpi, downscaled: false, warnings };
  }
  const width = Math.max(1, Math.round((printedWidthPt / 72) * maxDpi));
  const height = Math.max(1, Math.round((info.height * width) / info.width));
  const out = new PNG({ width, height, colorType: 6 });
  out.data = Buffer.from(downscaleRgba(decoded.data, info.width, info.height, width, height));
  // pHYs keeps the real size (the seal must print at the size of the real seal).
  const png = setPngDpi(PNG.sync.write(out, { colorType: 6 }), (width * 72) / printedWidthPt);
  return { png, width, height, dpi: (width * 72) / printedWidthPt, downscaled: true, warnings };
}

interface InkStats {
  readonly transparentShare: number;
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Mean colour of the ink (mostly opaque pixels) and the share of see-through pixels. */
function inkStats(rgba: Uint8Array): InkStats {
  let transparent = 0;
  let ink = 0;
  let r = 0;
  let g = 0;
  let b = 0;
  const pixels = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3] ?? 0;
    if (alpha < 128) {
      transparent += 1;
      continue;
    }
    ink += 1;
    r += rgba[i] ?? 0;
    g += rgba[i + 1] ?? 0;
    b += rgba[i + 2] ?? 0;
  }
  return ink === 0
    ? { transparentShare: transparent / pixels, r: 0, g: 0, b: 0 }
    : { transparentShare: transparent / pixels, r: r / ink, g: g / ink, b: b / ink };
}

function colourWarnings(kind: ImageKind, s: InkStats): string[] {
  if (kind === 'signature' && !(s.b > s.r + 30 && s.b > s.g + 10)) {
    return ['Ảnh chữ ký không có màu xanh; Nghị định 30 quy định hình ảnh chữ ký màu xanh.'];
  }
  if (kind === 'seal' && !(s.r > s.g + 50 && s.r > s.b + 50)) {
    return ['Ảnh con dấu không có màu đỏ; Nghị định 30 quy định hình ảnh dấu màu đỏ.'];
  }
  return [];
}
