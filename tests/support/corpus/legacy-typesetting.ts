import { PDFDict, PDFName, PDFNumber, StandardFonts, type PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { encodeTcvn3 } from '../../../main/domain/legacy/tcvn3.ts';
import { encodeVni, isVniMark } from '../../../main/domain/legacy/vni.ts';
import type { Fonts, LineEncoder, TextStyle } from './page-writer.ts';
import type { Typesetting } from './write-document.ts';

export type LegacyName = 'tcvn3' | 'vni';

const FACES = {
  regular: StandardFonts.TimesRoman,
  bold: StandardFonts.TimesRomanBold,
  italic: StandardFonts.TimesRomanItalic,
} as const;

/** The names Word gives these fonts in its PDFs; a TCVN3 capitals line is set in an "H" font. */
const NAMES: Record<LegacyName, Record<keyof Fonts, string> & { upper: Record<keyof Fonts, string> }> = {
  tcvn3: {
    regular: '.VnTime',
    bold: '.VnTime,Bold',
    italic: '.VnTime,Italic',
    upper: { regular: '.VnTimeH', bold: '.VnTimeH,Bold', italic: '.VnTimeH,Italic' },
  },
  vni: {
    regular: 'VNI-Times',
    bold: 'VNI-Times,Bold',
    italic: 'VNI-Times,Italic',
    upper: { regular: 'VNI-Times', bold: 'VNI-Times,Bold', italic: 'VNI-Times,Italic' },
  },
};

/**
 * A document typed in a legacy encoding, as old .doc files are: the text is the encoding's
 * bytes drawn with a standard Times face (WinAnsi, so byte 0xB8 is written as 0xB8), and the
 * font renamed to what Word calls it (.VnTime, .VnTimeH, VNI-Times) with its widths, since a
 * reader no longer knows it as Times. Capital lines of a TCVN3 document use the "H" font.
 */
export function legacyTypesetting(encoding: LegacyName): (doc: PDFDocument) => Promise<Typesetting> {
  return async (doc) => {
    const embed = async (): Promise<Fonts> => ({
      regular: await doc.embedFont(FACES.regular),
      bold: await doc.embedFont(FACES.bold),
      italic: await doc.embedFont(FACES.italic),
    });
    const fonts = await embed();
    const upper = await embed();
    const encoder: LineEncoder = (text: string, style: TextStyle) => {
      if (encoding === 'vni') {
        const vni = encodeVni(text);
        const font = fonts[style.font];
        // A VNI font draws its marks over the letter before them: they take no room on the line.
        const bases = [...vni].filter((c) => !isVniMark(c)).join('');
        return { text: vni, font, width: font.widthOfTextAtSize(bases, style.size) };
      }
      const capitals = text === text.toLocaleUpperCase('vi') && /[\u0080-\uffff]/u.test(text);
      if (!capitals && /[ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ]/u.test(tcvn3Spelling(text))) {
        throw new Error(`TCVN3 has no capital toned letter for a mixed-case line: ${text}`);
      }
      return { text: encodeTcvn3(tcvn3Spelling(text)), font: (capitals ? upper : fonts)[style.font] };
    };
    const beforeSave = async (): Promise<void> => {
      await doc.flush();
      for (const [set, names] of [
        [fonts, NAMES[encoding]],
        [upper, NAMES[encoding].upper],
      ] as const) {
        for (const face of ['regular', 'bold', 'italic'] as const) {
          rename(doc, set[face], names[face], encoding === 'vni' ? isVniMark : () => false);
        }
      }
    };
    return { fonts, encoder, beforeSave };
  };
}

/**
 * What a TCVN3 typist wrote: a plain .VnTime line has no capital toned letters, so "Ủy ban" was
 * spelled the old way, "Uỷ ban" (the tone on the y), which TCVN3 can carry.
 */
export function tcvn3Spelling(text: string): string {
  return text.normalize('NFC').replace(/Ủy/gu, 'Uỷ');
}

function rename(doc: PDFDocument, font: PDFFont, name: string, overstrikes: (char: string) => boolean): void {
  const dict = doc.context.lookup(font.ref, PDFDict);
  dict.set(PDFName.of('BaseFont'), PDFName.of(name));
  const widths: number[] = [];
  for (let code = 32; code <= 255; code += 1) {
    let width = 500;
    try {
      if (overstrikes(String.fromCharCode(code))) {
        widths.push(0);
        continue;
      }
      width = Math.round(font.widthOfTextAtSize(String.fromCharCode(code), 1000));
    } catch {
      // Codes WinAnsi leaves empty keep a default width.
    }
    widths.push(width);
  }
  dict.set(PDFName.of('FirstChar'), PDFNumber.of(32));
  dict.set(PDFName.of('LastChar'), PDFNumber.of(255));
  dict.set(PDFName.of('Widths'), doc.context.obj(widths));
}
