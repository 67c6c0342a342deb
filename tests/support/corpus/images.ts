import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';

/**
 * Test images drawn pixel by pixel: a blue handwritten-like signature and a red round seal,
 * both on a transparent background, optionally with a pHYs chunk giving their printed size.
 */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export const BLUE: Rgba = { r: 20, g: 40, b: 200 };
export const RED: Rgba = { r: 220, g: 20, b: 30 };

function blank(width: number, height: number): PNG {
  const png = new PNG({ width, height, colorType: 6 });
  png.data.fill(0);
  return png;
}

function dot(png: PNG, cx: number, cy: number, radius: number, color: Rgba): void {
  for (let y = Math.floor(cy - radius); y <= cy + radius; y += 1) {
    for (let x = Math.floor(cx - radius); x <= cx + radius; x += 1) {
      if (x < 0 || y < 0 || x >= png.width || y >= png.height) {
        continue;
      }
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) {
        continue;
      }
      const i = (y * png.width + x) * 4;
      png.data[i] = color.r;
      png.data[i + 1] = color.g;
      png.data[i + 2] = color.b;
      png.data[i + 3] = 255;
    }
  }
}

/** A looping stroke across the whole width, like a signature. */
export function signaturePng(width = 300, height = 120, color: Rgba = BLUE, dpi?: number): Uint8Array {
  const png = blank(width, height);
  const pen = Math.max(2, height / 30);
  for (let t = 0; t <= 1; t += 1 / (width * 4)) {
    const x = pen + t * (width - 2 * pen);
    const y = height / 2 + (height / 2 - 2 * pen) * Math.sin(t * Math.PI * 5) * (0.6 + 0.4 * Math.cos(t * 9));
    dot(png, x, y, pen, color);
  }
  return withPhys(PNG.sync.write(png), dpi);
}

/** A ring, an inner ring and a star: enough red ink to find, with a transparent centre gap. */
export function sealPng(size = 400, color: Rgba = RED, dpi?: number): Uint8Array {
  const png = blank(size, size);
  const c = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const r = Math.hypot(x - c, y - c);
      const ring = (r > c * 0.9 && r < c * 0.98) || (r > c * 0.62 && r < c * 0.66);
      const star = r < c * 0.25 && Math.abs(Math.sin(5 * Math.atan2(y - c, x - c))) * c * 0.25 > r * 0.6;
      if (!ring && !star) {
        continue;
      }
      const i = (y * size + x) * 4;
      png.data[i] = color.r;
      png.data[i + 1] = color.g;
      png.data[i + 2] = color.b;
      png.data[i + 3] = 255;
    }
  }
  return withPhys(PNG.sync.write(png), dpi);
}

/** An opaque PNG (no alpha channel), which ND30 does not allow. */
export function opaquePng(width = 120, height = 60): Uint8Array {
  const png = new PNG({ width, height, colorType: 2 });
  png.data.fill(255);
  return PNG.sync.write(png, { colorType: 2 });
}

/** Inserts a pHYs chunk (pixels per metre) right after IHDR. */
export function withPhys(bytes: Uint8Array, dpi: number | undefined): Uint8Array {
  if (dpi === undefined) {
    return bytes;
  }
  const ppm = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.writeUInt32BE(ppm, 4 - 4);
  body.writeUInt32BE(ppm, 4);
  body.writeUInt8(1, 8);
  const typeAndBody = Buffer.concat([Buffer.from('pHYs', 'latin1'), body.subarray(0, 9)]);
  const chunk = Buffer.alloc(4 + typeAndBody.length + 4);
  chunk.writeUInt32BE(9, 0);
  typeAndBody.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndBody), 4 + typeAndBody.length);
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  return Buffer.concat([bytes.subarray(0, ihdrEnd), chunk, bytes.subarray(ihdrEnd)]);
}
