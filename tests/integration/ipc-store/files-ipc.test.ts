import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import type { FilePurpose } from '../../../preload/contract/files.ts';
import { signaturePng } from '../../support/corpus/images.ts';
import { openApp } from '../../support/app.ts';

const DOCX = join(import.meta.dirname, '../../fixtures/pdf/lo-qd-kt-1.docx');
const PDF = join(import.meta.dirname, '../../fixtures/pdf/lo-qd-kt-1.pdf');

describe('files as handles over IPC (#15)', () => {
  const app = openApp({ prefix: 'vanthu-ipc-files-', organization: null });
  const { services, call } = app;
  const upload = async (purpose: FilePurpose, name: string, bytes: Uint8Array, chunk = 64 * 1024) => {
    const begun = await call('files.begin', { purpose, name, size: bytes.byteLength });
    if (!begun.ok) {
      return begun;
    }
    const { handle } = begun.value as { handle: string };
    for (let offset = 0; offset < bytes.byteLength; offset += chunk) {
      const sent = await call('files.append', {
        handle,
        offset,
        base64: Buffer.from(bytes.subarray(offset, offset + chunk)).toString('base64'),
      });
      if (!sent.ok) {
        return sent;
      }
    }
    return call('files.finish', { handle });
  };

  it('streams a chosen file in chunks into the content store and answers with a handle, never a path', async () => {
    const bytes = readFileSync(PDF);
    const chosen = await upload('pdf', 'Dự thảo.pdf', bytes);
    expect(chosen).toMatchObject({ ok: true, value: { name: 'Dự thảo.pdf', size: bytes.length, purpose: 'pdf' } });
    const value = chosen.ok ? (chosen.value as { sha256: string; handle: string }) : { sha256: '', handle: '' };
    expect(readFileSync(attachmentPath(services.profile.files, value.sha256))).toEqual(bytes);
    expect(JSON.stringify(chosen)).not.toContain(services.profile.root);
    expect(await upload('nguon', 'Dự thảo.docx', readFileSync(DOCX))).toMatchObject({ ok: true });
  });

  it('refuses a path for a name, a file that is not what it claims, chunks out of order and unknown handles', async () => {
    expect(await call('files.begin', { purpose: 'pdf', name: '/etc/passwd', size: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await upload('nguon', 'du-thao.docx', readFileSync(PDF))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { reason: 'FILE_KIND' } },
    });
    expect(await upload('pdf', 'anh.pdf', signaturePng())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { reason: 'FILE_KIND' } },
    });
    const begun = await call('files.begin', { purpose: 'pdf', name: 'a.pdf', size: 10 });
    const handle = begun.ok ? (begun.value as { handle: string }).handle : '';
    expect(await call('files.append', { handle, offset: 5, base64: 'AAAA' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'UPLOAD_OUT_OF_ORDER' } },
    });
    expect(await call('files.finish', { handle })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    // No native dialog in the browser shell: the renderer's <input type=file> is the chooser there.
    expect(await call('files.choose', { purpose: 'pdf' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'NO_NATIVE_CHOOSER' } },
    });
  });

  it('a chosen PNG becomes the signature image (a copy in the profile); a PDF handle is refused for it', async () => {
    const png = signaturePng();
    const image = await upload('anh', 'chữ ký.png', png);
    const handle = image.ok ? (image.value as { handle: string }).handle : '';
    const settings = await call('settings.useFile', { use: 'signaturePng', handle });
    expect(settings.ok, JSON.stringify(settings)).toBe(true);
    const path = settings.ok ? (settings.value as { images: { signaturePng: string } }).images.signaturePng : '';
    expect(path.startsWith(services.profile.root)).toBe(true);
    expect(readFileSync(path)).toEqual(Buffer.from(png));
    const pdf = await upload('pdf', 'x.pdf', readFileSync(PDF));
    const pdfHandle = pdf.ok ? (pdf.value as { handle: string }).handle : '';
    expect(await call('settings.useFile', { use: 'sealPng', handle: pdfHandle })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { reason: 'HANDLE_PURPOSE' } },
    });
  });
});
