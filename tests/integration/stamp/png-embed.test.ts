import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { embedPngNative } from '../../../main/services/pdf/stamp/png-embed.ts';
import { opaquePng, sealPng, signaturePng } from '../../support/corpus/images.ts';

function stream(doc: PDFDocument, ref: PDFRef): { dict: PDFRawStream['dict']; bytes: Uint8Array } {
  const object = doc.context.lookup(ref);
  if (!(object instanceof PDFRawStream)) {
    throw new Error('not a stream');
  }
  return { dict: object.dict, bytes: new Uint8Array(inflateSync(object.contents)) };
}

describe('PNG images embedded with Node zlib', () => {
  for (const [name, make] of [
    ['a signature with alpha (row filters chosen by pngjs)', () => signaturePng(301, 97)],
    ['a seal with alpha', () => sealPng(211)],
    ['an opaque RGB image (no soft mask)', () => opaquePng(50, 20)],
  ] as const) {
    it(`keeps every pixel of ${name}`, async () => {
      const png = make();
      const decoded = PNG.sync.read(Buffer.from(png));
      const doc = await PDFDocument.create();
      const image = embedPngNative(doc, png);
      if (image === null) {
        throw new Error('not embedded');
      }
      expect([image.width, image.height]).toEqual([decoded.width, decoded.height]);
      const color = stream(doc, image.ref);
      expect(color.dict.get(PDFName.of('ColorSpace'))).toEqual(PDFName.of('DeviceRGB'));
      const smaskRef = color.dict.get(PDFName.of('SMask'));
      const count = decoded.width * decoded.height;
      const rgb = new Uint8Array(count * 3);
      const alpha = new Uint8Array(count);
      for (let i = 0; i < count; i += 1) {
        rgb.set(decoded.data.subarray(i * 4, i * 4 + 3), i * 3);
        alpha[i] = decoded.data[i * 4 + 3] ?? 0;
      }
      expect(Buffer.from(color.bytes).equals(Buffer.from(rgb))).toBe(true);
      if (alpha.every((a) => a === 255)) {
        expect(smaskRef).toBeUndefined();
      } else {
        expect(smaskRef).toBeInstanceOf(PDFRef);
        expect(Buffer.from(stream(doc, smaskRef as PDFRef).bytes).equals(Buffer.from(alpha))).toBe(true);
      }
    });
  }

  it('leaves 16-bit images and what is not a PNG to pdf-lib', async () => {
    const doc = await PDFDocument.create();
    const deep = new PNG({ width: 4, height: 4, colorType: 6 });
    deep.data.fill(128);
    expect(embedPngNative(doc, PNG.sync.write(deep, { colorType: 6, bitDepth: 16 }))).toBeNull();
    expect(embedPngNative(doc, new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});
