import { describe, expect, it } from 'vitest';
import { decodePdfString, locateSignatures, parsePdfDate } from '../../../main/services/pdf/verify/locate.ts';

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** A file with one signature dictionary whose ByteRange leaves exactly the /Contents gap. */
function fileWithSignature(hex: string, corruptGap = false): Uint8Array {
  const before = '%PDF-1.7\n5 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ';
  // ByteRange digits change the offsets, so pad them to a fixed width.
  const pad = (n: number) => String(n).padStart(6, '0');
  const head = `${before}/ByteRange [0 ${pad(0)} ${pad(0)} ${pad(0)}] /Contents `;
  const gapStart = head.length;
  const gap = `<${hex}>`;
  const tail = ` /M (D:20261122083000+07'00') /Name (Nguy\\352n) >>\nendobj\n%%EOF\n`;
  const total = head.length + gap.length + tail.length;
  const text = `${before}/ByteRange [0 ${pad(gapStart)} ${pad(gapStart + gap.length)} ${pad(tail.length)}] /Contents ${
    corruptGap ? gap.replace('<', '(') : gap
  }${tail}`;
  expect(text.length).toBe(total);
  return latin1(text);
}

describe('signature dictionaries found by their ByteRange', () => {
  it('reads the ByteRange, the DER inside the zero padding, /M, /SubFilter and /Name', () => {
    // A DER SEQUENCE of 3 bytes that itself ends in 00, followed by placeholder zeros.
    const bytes = fileWithSignature('3003020100' + '0'.repeat(64));
    const [sig] = locateSignatures(bytes);
    expect(sig?.valid).toBe(true);
    expect(Buffer.from(sig?.contents ?? []).toString('hex')).toBe('3003020100');
    expect(sig?.subFilter).toBe('ETSI.CAdES.detached');
    expect(sig?.objectNumber).toBe(5);
    expect(sig?.claimedTime?.toISOString()).toBe('2026-11-22T01:30:00.000Z');
    expect(sig?.name).toBe('Nguyên');
  });

  it('a ByteRange whose gap is not a hex string is not trusted', () => {
    const bytes = fileWithSignature('3003020100', true);
    const [sig] = locateSignatures(bytes);
    expect(sig?.valid).toBe(false);
  });

  it('decodes UTF-16BE strings with a BOM and PDF dates with offsets', () => {
    expect(decodePdfString('<FEFF0054007200681EA7006E>')).toBe('Trhần');
    expect(decodePdfString('(a\\(b\\)c\\101)')).toBe('a(b)cA');
    expect(parsePdfDate("D:20261122083000+07'00'")?.toISOString()).toBe('2026-11-22T01:30:00.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('not a date')).toBeNull();
  });
});
