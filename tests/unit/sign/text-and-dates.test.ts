import { describe, expect, it } from 'vitest';
import { appendixLine, copyLine } from '../../../main/services/pdf/sign/issue-text.ts';
import { ngayBanHanhText } from '../../../main/services/pdf/sign/ngay-ban-hanh.ts';
import { buildSigDict, byteRangeText, pdfDateVn } from '../../../main/services/pdf/sign/sig-dict.ts';

describe('ND30 date line', () => {
  it('pads day < 10 and months 1–2 only', () => {
    expect(ngayBanHanhText('2020-01-05', 'Hà Nội')).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
    expect(ngayBanHanhText('2026-06-09')).toBe('ngày 09 tháng 6 năm 2026');
    expect(ngayBanHanhText('2026-11-22', 'Bắc Ninh')).toBe('Bắc Ninh, ngày 22 tháng 11 năm 2026');
    expect(() => ngayBanHanhText('22/11/2026')).toThrow(RangeError);
  });
});

describe('signing time in Vietnam time', () => {
  it("writes /M with a +07'00' offset, crossing midnight correctly", () => {
    expect(pdfDateVn(new Date('2026-11-22T17:30:05Z'))).toBe("D:20261123003005+07'00'");
  });

  it('formats the appendix and copy lines of Mẫu 2.2 and 3.2', () => {
    const t = new Date('2026-11-22T07:13:04Z');
    expect(appendixLine(' 15/QĐ-UBND ', t)).toBe('Số: 15/QĐ-UBND; 22/11/2026; 14:13:04 +07:00');
    expect(copyLine('SAO LỤC', 'ỦY BAN NHÂN DÂN TỈNH X', t)).toBe(
      'SAO LỤC; ỦY BAN NHÂN DÂN TỈNH X; 22/11/2026; 14:13:04 +07:00',
    );
  });
});

describe('signature dictionary', () => {
  it('reserves /Contents at the offsets it reports and keeps Vietnamese names as UTF-16BE', () => {
    const sig = buildSigDict({ contentsBytes: 16, signingTime: new Date(0), name: 'Nguyễn Văn A', docMdp: 2 });
    const text = Buffer.from(sig.bytes).toString('latin1');
    expect(text[sig.contentsStart]).toBe('<');
    expect(text[sig.contentsEnd - 1]).toBe('>');
    expect(sig.contentsEnd - sig.contentsStart).toBe(16 * 2 + 2);
    expect(text.slice(sig.byteRangeAt, sig.byteRangeAt + sig.byteRangeLength)).toMatch(
      /^\/ByteRange \[0 \*+ \*+ \*+\]$/,
    );
    expect(text).toContain('/Name <FEFF004E0067007500791EC5006E');
    expect(text).toContain('/TransformMethod /DocMDP');
    expect(text).not.toContain('/Lock');
  });

  it('pads the real ByteRange to the placeholder width and refuses one that does not fit', () => {
    expect(byteRangeText([0, 10, 20, 30], 30)).toBe('/ByteRange [0 10 20 30]'.padEnd(30, ' '));
    expect(() => byteRangeText([0, 1e12, 1e12, 1e12], 20)).toThrow();
  });
});
