import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';

/** An image XObject in the document and its size in pixels (the appearance scales it). */
export interface EmbeddedImage {
  readonly ref: PDFRef;
  readonly width: number;
  readonly height: number;
}

interface Header {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlace: number;
}

/** Colour channels and whether the last one is alpha, for the colour types handled here. */
const LAYOUT: Readonly<Record<number, { channels: number; alpha: boolean; gray: boolean }>> = {
  0: { channels: 1, alpha: false, gray: true },
  2: { channels: 3, alpha: false, gray: false },
  4: { channels: 2, alpha: true, gray: true },
  6: { channels: 4, alpha: true, gray: false },
};

/**
 * Embeds the common signature and seal PNG (8-bit grey or RGB, with or without alpha, not
 * interlaced, no tRNS) with Node's zlib, or returns null for any other PNG, which pdf-lib then
 * embeds. pdf-lib inflates and deflates in JavaScript: in a fresh process (one `vanthu sign`)
 * that cold code was the largest single cost of the signature; zlib does the same in C.
 */
export function embedPngNative(doc: PDFDocument, png: Uint8Array): EmbeddedImage | null {
  const parsed = readChunks(png);
  if (parsed === null) {
    return null;
  }
  const { header, idat } = parsed;
  const layout = LAYOUT[header.colorType];
  if (layout === undefined || header.bitDepth !== 8 || header.interlace !== 0) {
    return null;
  }
  let pixels: Uint8Array;
  try {
    pixels = unfilter(new Uint8Array(inflateSync(idat)), header.width, header.height, layout.channels);
  } catch {
    // A damaged stream: pdf-lib's embedder reports it as the app reports unreadable images.
    return null;
  }
  const count = header.width * header.height;
  const colorChannels = layout.alpha ? layout.channels - 1 : layout.channels;
  let color = pixels;
  let alpha: Uint8Array | undefined;
  if (layout.alpha) {
    color = new Uint8Array(count * colorChannels);
    alpha = new Uint8Array(count);
    let opaque = true;
    for (let i = 0; i < count; i += 1) {
      const base = i * layout.channels;
      for (let c = 0; c < colorChannels; c += 1) {
        color[i * colorChannels + c] = pixels[base + c] ?? 0;
      }
      const a = pixels[base + colorChannels] ?? 255;
      alpha[i] = a;
      opaque &&= a === 255;
    }
    if (opaque) {
      alpha = undefined;
    }
  }
  const image = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: header.width,
    Height: header.height,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  };
  const smask =
    alpha === undefined
      ? undefined
      : doc.context.register(doc.context.stream(deflateSync(alpha), { ...image, ColorSpace: 'DeviceGray' }));
  const ref = doc.context.register(
    doc.context.stream(deflateSync(color), {
      ...image,
      ColorSpace: layout.gray ? 'DeviceGray' : 'DeviceRGB',
      ...(smask === undefined ? {} : { SMask: smask }),
    }),
  );
  return { ref, width: header.width, height: header.height };
}

function readChunks(png: Uint8Array): { header: Header; idat: Uint8Array } | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let header: Header | undefined;
  const parts: Uint8Array[] = [];
  while (offset + 8 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) {
      return null;
    }
    if (type === 'IHDR' && length >= 13) {
      header = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
        interlace: data[12] ?? 0,
      };
    } else if (type === 'tRNS' || type === 'PLTE') {
      // Colour-key transparency and palettes are left to pdf-lib.
      return null;
    } else if (type === 'IDAT') {
      parts.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (header === undefined || parts.length === 0 || header.width === 0 || header.height === 0) {
    return null;
  }
  return { header, idat: Buffer.concat(parts) };
}

/** Undoes the PNG row filters (None, Sub, Up, Average, Paeth) of an 8-bit image. */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  if (raw.length < height * (stride + 1)) {
    throw new Error('short image data');
  }
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[prev + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[prev + x - bpp] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) {
        predicted = left;
      } else if (filter === 2) {
        predicted = up;
      } else if (filter === 3) {
        predicted = (left + up) >> 1;
      } else if (filter === 4) {
        predicted = paeth(left, up, upLeft);
      } else if (filter !== 0) {
        throw new Error(`unknown PNG filter ${String(filter)}`);
      }
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
