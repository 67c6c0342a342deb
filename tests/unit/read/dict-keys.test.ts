import { describe, expect, it } from 'vitest';
import { ObjectParser, PdfSyntaxError } from '../../../main/services/pdf/read/parse-object.ts';
import { PdfFile } from '../../../main/services/pdf/read/pdf-file.ts';
import { serialize } from '../../../main/services/pdf/read/serialize.ts';
import { PdfDict, PdfRef } from '../../../main/services/pdf/read/values.ts';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const skim = (text: string, keys: readonly string[]) => new ObjectParser(bytesOf(text), 0).dictKeys(keys);

describe('a dictionary read for a few keys only', () => {
  it('reads the keys asked for and steps over everything else, however nested', () => {
    const page =
      '<< /Type /Page /Resources << /Font << /F1 4 0 R /F#202 5 0 R >> /ProcSet [/PDF /Text] >> ' +
      '/Contents [6 0 R 7 0 R] /T (a\\) (b) c) /H <4142> /Kidsx 1 /Annots [8 0 R] /Rotate -90 /N null >>';
    const dict = skim(page, ['Type', 'Annots', 'Kids']);
    expect(dict).toBeInstanceOf(PdfDict);
    expect([...(dict?.map.keys() ?? [])]).toEqual(['Type', 'Annots']);
    expect(serialize(dict?.get('Annots') ?? null)).toBe('[8 0 R]');
    // The same bytes read whole agree on the keys asked for.
    const whole = new ObjectParser(bytesOf(page), 0).value() as PdfDict;
    expect(serialize(whole.get('Annots') ?? null)).toBe(serialize(dict?.get('Annots') ?? null));
  });

  it('steps over numbers, references and constants to where a whole reading ends', () => {
    const text =
      '<< /A [-.5 4. +3 --2 1 0 R 7 0 8] /B << /C true /D false /E null /F 12 >> /G 3 /H 2 0 R /K 9 >>  rest';
    const parser = new ObjectParser(bytesOf(text), 0);
    const dict = parser.dictKeys(['K']);
    const whole = new ObjectParser(bytesOf(text), 0);
    whole.value();
    expect(dict?.get('K')).toBe(9);
    expect(parser.pos).toBe(whole.pos);
    // A bare word other than true, false or null is as malformed skipped as read.
    expect(() => skim('<< /A [1 foo] /K 1 >>', ['K'])).toThrow(PdfSyntaxError);
    expect(() => new ObjectParser(bytesOf('<< /A [1 foo] /K 1 >>'), 0).value()).toThrow(PdfSyntaxError);
  });

  it('steps over nesting as deep as a reading allows, and no deeper', () => {
    const nested = (depth: number) => `<< /A ${'['.repeat(depth)}${']'.repeat(depth)} /K 1 >>`;
    expect(skim(nested(64), ['K'])?.get('K')).toBe(1);
    expect((new ObjectParser(bytesOf(nested(64)), 0).value() as PdfDict).get('K')).toBe(1);
    expect(() => skim(nested(65), ['K'])).toThrow(PdfSyntaxError);
    expect(() => new ObjectParser(bytesOf(nested(65)), 0).value()).toThrow(PdfSyntaxError);
  });

  it('refuses a stream and malformed input, which are then read whole', () => {
    expect(skim('<< /Length 3 >>\nstream\nabc\nendstream', ['Length'])).toBeNull();
    expect(skim('[1 2]', ['Kids'])).toBeNull();
    expect(() => skim('<< /A [1 2 >>', ['B'])).toThrow(PdfSyntaxError);
  });

  it('gives a revision the page tree keys without building the page, and the whole page later', () => {
    const objects = [
      '1 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n',
      '2 0 obj\n<< /Type /Page /Parent 1 0 R /Resources << /Font << /F1 3 0 R >> >> /Annots [] >>\nendobj\n',
      '3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>\nendobj\n',
      '4 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n',
    ];
    let body = '%PDF-1.7\n';
    const offsets: number[] = [];
    for (const o of objects) {
      offsets.push(body.length);
      body += o;
    }
    const xref = body.length;
    body += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    body += `trailer\n<< /Size 5 /Root 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const revision = new PdfFile(bytesOf(body)).revision();
    const skimmed = revision.dictWith(new PdfRef(2, 0), ['Type', 'Annots']);
    expect([...(skimmed?.map.keys() ?? [])]).toEqual(['Type', 'Annots']);
    // Fewer keys are served by the same skim (the use index after the page walk), more are added.
    expect(revision.dictWith(new PdfRef(2, 0), ['Annots'])).toBe(skimmed);
    const wider = revision.dictWith(new PdfRef(2, 0), ['Parent']);
    expect([...(wider?.map.keys() ?? [])]).toEqual(['Type', 'Parent', 'Annots']);
    expect(revision.dict(new PdfRef(2, 0))?.get('Resources')).toBeInstanceOf(PdfDict);
  });
});
