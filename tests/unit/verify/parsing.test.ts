import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePdfString, locateSignatures, parsePdfDate } from '../../../main/services/pdf/verify/locate.ts';
import { objectsDefinedIn } from '../../../main/services/pdf/verify/tail-objects.ts';

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
    const [sig] = locateSignatures(Buffer.from(bytes).toString('latin1'), bytes);
    expect(sig?.valid).toBe(true);
    expect(Buffer.from(sig?.contents ?? []).toString('hex')).toBe('3003020100');
    expect(sig?.subFilter).toBe('ETSI.CAdES.detached');
    expect(sig?.objectNumber).toBe(5);
    expect(sig?.claimedTime?.toISOString()).toBe('2026-11-22T01:30:00.000Z');
    expect(sig?.name).toBe('Nguyên');
  });

  it('a ByteRange whose gap is not a hex string is not trusted', () => {
    const bytes = fileWithSignature('3003020100', true);
    const [sig] = locateSignatures(Buffer.from(bytes).toString('latin1'), bytes);
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

describe('objects an incremental update defines', () => {
  it('lists plain objects and the members of a new object stream', () => {
    const members = '12 0 13 9 ';
    const body = Buffer.concat([Buffer.from(members), Buffer.from('<< /A 1 >><< /B 2 >>')]);
    const packed = deflateSync(body);
    const tail = Buffer.concat([
      Buffer.from('\n7 0 obj\n<< /V (x) >>\nendobj\n'),
      Buffer.from(
        `20 0 obj\n<< /Type /ObjStm /N 2 /First ${members.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
      ),
      packed,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    expect([...(objectsDefinedIn(new Uint8Array(tail)) ?? [])].sort((a, b) => a - b)).toEqual([7, 12, 13, 20]);
  });

  it('gives up (null) on an object stream it cannot read, so every object is compared', () => {
    const tail = Buffer.from(
      '1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 5 >>\nstream\nXXXXX\nendstream\nendobj\n',
    );
    expect(objectsDefinedIn(new Uint8Array(tail))).toBeNull();
  });

  it('stays linear on a long run of digits (placeholder padding)', () => {
    const tail = Buffer.from(`<${'0'.repeat(200_000)}> 3 0 obj << >> endobj`);
    expect([...(objectsDefinedIn(new Uint8Array(tail)) ?? [])]).toEqual([3]);
  });
});
