import { describe, expect, it } from 'vitest';
import { ObjectParser, PdfSyntaxError, parseIndirect } from '../../../main/services/pdf/read/parse-object.ts';
import { serialize } from '../../../main/services/pdf/read/serialize.ts';
import { decodeText, textOf } from '../../../main/services/pdf/read/text.ts';
import { PdfDict, PdfName, PdfRef, type PdfStream, PdfString } from '../../../main/services/pdf/read/values.ts';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const parse = (text: string) => new ObjectParser(bytesOf(text), 0).value();

describe('reading PDF objects', () => {
  it('tells references from pairs of numbers', () => {
    const value = parse('[1 0 R 2 0 3 -4.5 .5 +7 12 0 R]');
    expect(serialize(value)).toBe('[1 0 R 2 0 3 -4.5 0.5 7 12 0 R]');
    expect(parse('5 0 R')).toEqual(new PdfRef(5, 0));
    expect(parse('5 0 Rx')).toBe(5);
  });

  it('decodes names, literal and hex strings with their escapes', () => {
    const dict = parse('<</A#20B /x#2Fy /S (a\\(b\\)\\n\\101\\\ncd (nested)) /H <48 65 6C6C 6F7> /E ()>>');
    expect(dict).toBeInstanceOf(PdfDict);
    const d = dict as PdfDict;
    expect([...d.map.keys()]).toEqual(['A B', 'S', 'H', 'E']);
    expect((d.get('A B') as PdfName).name).toBe('x/y');
    expect(textOf(d.get('S'))).toBe('a(b)\nAcd (nested)');
    expect(textOf(d.get('H'))).toBe('Hellop');
    expect(textOf(d.get('E'))).toBe('');
  });

  it('reads UTF-16BE text strings (Vietnamese field names)', () => {
    const hex = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Chữ ký', 'utf16le').swap16()]).toString('hex');
    expect(textOf(parse(`<${hex}>`))).toBe('Chữ ký');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc4, 0x91]))).toBe('đ');
  });

  it('reads a stream by its /Length, or up to endstream when the length is wrong', () => {
    const good = parseIndirect(bytesOf('4 0 obj\n<< /Length 5 >>\nstream\nab\ncd\nendstream\nendobj'), 0);
    expect(good.num).toBe(4);
    expect(Buffer.from((good.value as PdfStream).data).toString()).toBe('ab\ncd');
    const wrong = parseIndirect(bytesOf('4 0 obj\n<< /Length 99 >>\nstream\r\nabc\r\nendstream\nendobj'), 0);
    expect(Buffer.from((wrong.value as PdfStream).data).toString()).toBe('abc');
    const indirect = parseIndirect(bytesOf('4 0 obj\n<< /Length 9 0 R >>\nstream\nxyz\nendstream'), 0, (ref) =>
      ref.num === 9 ? 3 : undefined,
    );
    expect(Buffer.from((indirect.value as PdfStream).data).toString()).toBe('xyz');
  });

  it('keeps comments out of values and the last of duplicate keys', () => {
    const d = parse('<< /A 1 % a comment >> here\n /A 2 /B true /C null /D false >>') as PdfDict;
    expect(serialize(d)).toBe('<</A 2 /B true /C null /D false>>');
  });

  it('refuses malformed input with PdfSyntaxError, never hangs or recurses without bound', () => {
    for (const bad of [
      '<< /A 1',
      '(unterminated',
      '<4G>',
      '<< 1 2 >>',
      'foo',
      '',
      '[1 2',
      '<< /Length 3 >> stream\nabc',
    ]) {
      expect(() => new ObjectParser(bytesOf(bad), 0).value(), bad).toThrow(PdfSyntaxError);
    }
    expect(() => parse('['.repeat(100_000))).toThrow(PdfSyntaxError);
    expect(() => parseIndirect(bytesOf('4 x obj << >>'), 0)).toThrow(PdfSyntaxError);
  });

  it('serialises strings in hex so differently escaped equal strings compare equal', () => {
    expect(serialize(parse('(A)'))).toBe(serialize(parse('<41>')));
    expect(serialize(new PdfString(new Uint8Array([0]), false))).toBe('<00>');
    expect(serialize(new PdfName('a b'))).toBe('/a#20b');
  });
});
