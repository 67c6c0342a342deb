import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkImage } from '../../../main/services/pdf/stamp/image-check.ts';
import { readPngInfo } from '../../../main/services/pdf/stamp/png-info.ts';
import { BLUE, RED, opaquePng, sealPng, signaturePng } from '../../support/corpus/images.ts';

describe('checkImage', () => {
  it('accepts a blue signature with a transparent background and no warnings', () => {
    const checked = checkImage(signaturePng(300, 120, BLUE), 'signature', { printedWidthPt: 150 });
    expect(checked.warnings).toEqual([]);
    expect(checked.downscaled).toBe(false);
  });

  it('warns when the signature is not blue or the seal not red', () => {
    expect(checkImage(signaturePng(300, 120, RED), 'signature').warnings[0]).toMatch(/màu xanh/);
    expect(checkImage(sealPng(200, BLUE), 'seal').warnings[0]).toMatch(/màu đỏ/);
  });

  it('downscales to 300 dpi at the printed size and keeps the real size of a seal', () => {
    // 2000 px for a 36 mm seal is about 1411 dpi.
    const dpi = (2000 * 25.4) / 36;
    const checked = checkImage(sealPng(2000, RED, dpi), 'seal');
    expect(checked.downscaled).toBe(true);
    const info = readPngInfo(checked.png);
    expect(info.width).toBe(Math.round((36 / 25.4) * 300));
    expect(info.dpi?.x).toBeCloseTo(300, 0);
    expect((info.width / (info.dpi?.x ?? 1)) * 25.4).toBeCloseTo(36, 0);
    // Alpha survives the resampling.
    const decoded = PNG.sync.read(Buffer.from(checked.png));
    expect(decoded.data[3]).toBe(0);
  });

  it('downscales a signature to 300 dpi at the width of its box', () => {
    const checked = checkImage(signaturePng(1800, 600), 'signature', { printedWidthPt: 144 });
    expect(checked.width).toBe(600);
    expect(checked.dpi).toBeCloseTo(300);
  });

  it('gives clear errors for JPEG, opaque, corrupt and huge images', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
    expect(() => checkImage(jpeg, 'signature')).toThrow(/JPEG/);
    expect(() => checkImage(opaquePng(), 'signature')).toThrow(/nền trong suốt/);
    const corrupt = signaturePng().slice(0, 60);
    expect(() => checkImage(corrupt, 'signature')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID' }));
    const huge = signaturePng(10, 10);
    new DataView(huge.buffer, huge.byteOffset).setUint32(16, 100_000);
    new DataView(huge.buffer, huge.byteOffset).setUint32(20, 100_000);
    expect(() => checkImage(huge, 'seal')).toThrow(/quá nhiều điểm ảnh/);
    expect(() => checkImage(new TextEncoder().encode('GIF89a....'), 'seal')).toThrow(/không phải ảnh PNG/);
  });
});
