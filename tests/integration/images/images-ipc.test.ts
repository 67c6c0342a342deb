import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type TestApp } from '../../support/app.ts';

/** A signature-like PNG: transparent background, a dark blue stroke across the middle. */
function signaturePng(path: string, opaque = false): string {
  const png = new PNG({ width: 240, height: 90, colorType: opaque ? 2 : 6, inputHasAlpha: true });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const ink = Math.abs(y - 45 - Math.round(15 * Math.sin(x / 20))) < 3;
      png.data[i] = ink ? 10 : 255;
      png.data[i + 1] = ink ? 30 : 255;
      png.data[i + 2] = ink ? 140 : 255;
      png.data[i + 3] = ink || opaque ? 255 : 0;
    }
  }
  writeFileSync(path, PNG.sync.write(png, { colorType: opaque ? 2 : 6 }));
  return path;
}

describe('images.preview through dispatch (the Cài đặt preview, same checks as signing)', () => {
  let app: TestApp;
  beforeEach(() => {
    app = openApp({ prefix: 'vanthu-images-', organization: null });
  });
  afterEach(() => app.close());

  it('previews the configured signature image as a checked PNG data URL', async () => {
    expect(await app.call('images.preview', { kind: 'signature' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'images.signaturePng' } },
    });
    app.services.settings.update({ images: { signaturePng: signaturePng(join(app.dir, 'chu-ky.png')) } });
    const result = await app.call('images.preview', { kind: 'signature' });
    expect(result).toMatchObject({ ok: true, value: { width: 240, height: 90, downscaled: false } });
    const value = (result as { value: { dataUrl: string; warnings: string[] } }).value;
    expect(value.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const back = PNG.sync.read(Buffer.from(value.dataUrl.slice('data:image/png;base64,'.length), 'base64'));
    expect([back.width, back.height]).toEqual([240, 90]);
    expect(Array.isArray(value.warnings)).toBe(true);
  });

  it('refuses a chosen image without a transparent background with IMAGE_INVALID, a missing setting with INVALID_INPUT', async () => {
    const opaque = readFileSync(signaturePng(join(app.dir, 'nen-trang.png'), true));
    const chosen = app.services.files.accept('anh', 'nen-trang.png', new Uint8Array(opaque));
    expect(await app.call('images.preview', { kind: 'seal', file: chosen.handle })).toMatchObject({
      ok: false,
      error: { code: 'IMAGE_INVALID' },
    });
    app.services.settings.update({ images: { sealPng: '' } });
    expect(await app.call('images.preview', { kind: 'seal' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'images.sealPng' } },
    });
    // A typed path is not accepted.
    expect(await app.raw('images.preview', { kind: 'seal', path: join(app.dir, 'khong-co.png') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
