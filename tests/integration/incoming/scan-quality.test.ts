import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { scanFindings } from '../../../main/services/pdf/verify/scan-quality.ts';
import { testNow } from '../../support/clock/clock.ts';
import { incoming, openLease, openTestStore } from '../store/helpers.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';

/** A one-page "scan": a page of `inches` square filled by one image of `px` pixels, RGB or grey. */
async function scan(px: number, colour: boolean, inches = 2, version?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([inches * 72, inches * 72]);
  const ctx = doc.context;
  const image = ctx.register(
    ctx.flateStream(new Uint8Array(px * px * (colour ? 3 : 1)), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: px,
      Height: px,
      ColorSpace: colour ? 'DeviceRGB' : 'DeviceGray',
      BitsPerComponent: 8,
    }),
  );
  page.node.setXObject(PDFName.of('Im0'), image);
  const bytes = await doc.save();
  if (version !== undefined) {
    // Same length as "1.7": only the header changes.
    bytes.set(new TextEncoder().encode(`%PDF-${version}`), 0);
  }
  return bytes;
}

const codes = (bytes: Uint8Array): string[] => scanFindings(bytes).map((f) => f.code);

describe('the digitisation standard for scans (NĐ 30 Phụ lục I)', () => {
  it('passes a colour scan at 200 dpi in PDF 1.7', async () => {
    expect(scanFindings(await scan(400, true))).toEqual([]);
  });

  it('says what is wrong: grey, 150 dpi, PDF 1.3, no image', async () => {
    expect(codes(await scan(400, false))).toEqual(['SCAN_NOT_COLOUR']);
    const low = scanFindings(await scan(300, true));
    expect(low.map((f) => f.code)).toEqual(['SCAN_RESOLUTION']);
    expect(low[0]?.message).toContain('150 dpi');
    expect(low[0]?.where).toEqual(['trang 1']);
    expect(codes(await scan(400, true, 2, '1.3'))).toEqual(['SCAN_PDF_VERSION']);
    const empty = await PDFDocument.create();
    empty.addPage();
    expect(codes(await empty.save())).toEqual(['SCAN_NO_IMAGE']);
  });

  it('refuses a paper document with a scan below it, and registers it with a recorded reason', async () => {
    const { store, dir } = openTestStore({ now: testNow() });
    openLease(store, vietnamYear(testNow()));
    const path = join(dir, 'quet.pdf');
    writeFileSync(path, await scan(300, false));
    expect(() => store.addIncoming(incoming({ source: 'giay' }), { path })).toThrow(
      expect.objectContaining({ code: 'SCAN_BELOW_STANDARD', message: expect.stringContaining('thang xám') }),
    );
    expect(store.listIncoming()).toEqual([]);
    const { document } = store.addIncoming(incoming({ source: 'giay' }), {
      path,
      scanReason: 'Máy quét màu hỏng, sẽ quét lại',
    });
    expect(document.arrivalCheck?.findings.map((f) => f.code)).toEqual(['SCAN_NOT_COLOUR', 'SCAN_RESOLUTION']);
    const audit = store.context.db
      .prepare(`SELECT details FROM audit_log WHERE action = 'incoming.scan-accepted' AND entity_id = ?`)
      .pluck()
      .get(document.id) as string;
    expect(audit).toContain('Máy quét màu hỏng');
    const good = join(dir, 'tot.pdf');
    writeFileSync(good, await scan(400, true));
    expect(
      store.addIncoming(incoming({ source: 'giay', so: '16' }), { path: good }).document.arrivalCheck,
    ).toMatchObject({ verdict: 'valid', findings: [] });
  });
});
