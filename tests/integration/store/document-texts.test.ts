import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText, saveDocumentText } from '../../../main/services/store/document-texts.ts';
import { incoming, openLease, openTestStore } from './helpers.ts';

/** A stand-in scan: the store keeps any PDF bytes; what matters here is the file's hash. */
function scanFile(dir: string, name: string): { path: string; sha256: string } {
  const bytes = Buffer.from(`%PDF-1.7\n% scan ${name}\n%%EOF\n`);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const OCR = (sha256: string, text: string) => ({ sha256, source: 'ocr' as const, text, pages: 2, confidence: 91.5 });

describe('text read from a scan, kept beside its file and searched (#21 point 3, migration 016)', () => {
  it('a text saved before registration is searched with the document registered from that file', () => {
    const { store, dir } = openTestStore();
    openLease(store);
    const scan = scanFile(dir, 'truoc');
    saveDocumentText(
      store.context,
      OCR(scan.sha256, 'Điều 1. Phê duyệt kế hoạch chuyển đổi số trong công tác lưu trữ'),
    );
    store.addIncoming(incoming({ so: '15', trichYeu: 'Về việc phê duyệt kế hoạch' }), {
      path: scan.path,
      scanReason: 'bản thử của kiểm thử',
    });
    store.addIncoming(incoming({ so: '16', trichYeu: 'Về việc khác' }));
    const found = (search: string) => store.listIncoming({ search }).map((d) => d.so);
    // Words only the body holds: the trích yếu says neither "chuyển đổi" nor "lưu trữ".
    expect(found('chuyen doi so luu tru')).toEqual(['15']);
    expect(found('LƯU TRỮ')).toEqual(['15']);
    // The other columns are searched as before.
    expect(found('ve viec khac')).toEqual(['16']);
    expect(documentText(store.context, scan.sha256)).toMatchObject({ source: 'ocr', pages: 2, confidence: 91.5 });
  });

  it('a text saved (or read again) after registration re-indexes the documents holding the file', () => {
    const { store, dir } = openTestStore();
    openLease(store);
    const scan = scanFile(dir, 'sau');
    store.addIncoming(incoming({ so: '21' }), { path: scan.path, scanReason: 'bản thử của kiểm thử' });
    const found = (search: string) => store.listIncoming({ search }).map((d) => d.so);
    expect(found('thanh tra')).toEqual([]);
    saveDocumentText(store.context, OCR(scan.sha256, 'Kết luận thanh tra công vụ'));
    expect(found('thanh tra')).toEqual(['21']);
    saveDocumentText(store.context, OCR(scan.sha256, 'Kết luận kiểm toán'));
    expect(found('thanh tra')).toEqual([]);
    expect(found('kiem toan')).toEqual(['21']);
  });

  it('refuses a text from an unknown source and leaves the index as it was', () => {
    const { store, dir } = openTestStore();
    openLease(store);
    const scan = scanFile(dir, 'sai');
    store.addIncoming(incoming({ so: '31' }), { path: scan.path, scanReason: 'bản thử của kiểm thử' });
    expect(() =>
      saveDocumentText(store.context, { ...OCR(scan.sha256, 'bí mật'), source: 'web' as unknown as 'ocr' }),
    ).toThrow(/CHECK constraint/);
    expect(store.listIncoming({ search: 'bi mat' })).toEqual([]);
  });
});
