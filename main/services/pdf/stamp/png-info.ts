import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/vanthu-error.ts';

/** What the PNG header says, read without decoding the pixels. */
export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: number;
  readonly hasTransparencyChunk: boolean;
  /** From pHYs when its unit is the metre; undefined when the image does not say. */
  readonly dpi: { readonly x: number; readonly y: number } | undefined;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function invalid(detail: string): VanthuError {
  return new VanthuError('IMAGE_INVALID', errorMessageVi('IMAGE_INVALID', detail));
}

/** Walks the chunks up to the first IDAT. */
export function readPngInfo(bytes: Uint8Array): PngInfo {
  if (isJpeg(bytes)) {
    throw invalid('Ảnh JPEG không có nền trong suốt; hãy dùng ảnh PNG.');
  }
  if (!isPng(bytes)) {
    throw invalid('Tệp không phải ảnh PNG.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let header: Omit<PngInfo, 'hasTransparencyChunk' | 'dpi'> | undefined;
  let hasTransparencyChunk = false;
  let dpi: PngInfo['dpi'];
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = offset + 8;
    if (data + length + 4 > bytes.length) {
      throw invalid('Ảnh PNG bị hỏng (thiếu dữ liệu).');
    }
    if (type === 'IHDR' && length >= 13) {
      header = {
        width: view.getUint32(data),
        height: view.getUint32(data + 4),
        bitDepth: view.getUint8(data + 8),
        colorType: view.getUint8(data + 9),
      };
    } else if (type === 'tRNS') {
      hasTransparencyChunk = true;
    } else if (type === 'pHYs' && length >= 9 && view.getUint8(data + 8) === 1) {
      dpi = { x: view.getUint32(data) * 0.0254, y: view.getUint32(data + 4) * 0.0254 };
    } else if (type === 'IDAT' || type === 'IEND') {
      break;
    }
    offset = data + length + 4;
  }
  if (header === undefined || header.width === 0 || header.height === 0) {
    throw invalid('Ảnh PNG bị hỏng (không có IHDR).');
  }
  return { ...header, hasTransparencyChunk, dpi };
}
