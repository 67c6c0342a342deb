import { PDFName, type PDFDict } from '@cantoo/pdf-lib';
import { addWidgetField, pdfText } from '../../../main/services/pdf/sign/form.ts';
import { Increment } from '../../../main/services/pdf/sign/increment.ts';
import { pageRefAt } from '../../../main/services/pdf/sign/pages.ts';
import { requestTimestamp } from '../../../main/services/tsa/client.ts';

const PLACEHOLDER_BYTES = 8192;

/**
 * Append a document timestamp (ISO 32000-2 /DocTimeStamp, /SubFilter /ETSI.RFC3161) as an
 * incremental update: a signature dictionary whose /Contents is an RFC 3161 token over the
 * ByteRange. The signing engine does not make these yet, so the verifier's tests build one.
 */
export async function appendDocumentTimestamp(base: Uint8Array, tsaUrl: string): Promise<Uint8Array> {
  const text = Buffer.from(base).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? NaN);
  const size = Math.max(...[...text.matchAll(/\/Size\s+(\d+)/g)].map((m) => Number(m[1])));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(text.slice(text.lastIndexOf('/Root')))?.[1];
  if (Number.isNaN(prev) || !Number.isFinite(size) || root === undefined) {
    throw new Error('base PDF has no trailer');
  }
  const num = size;
  const pad = (n: number, w = 10) => String(n).padStart(w, '0');
  const headText = `\n${num} 0 obj\n<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 ${pad(0)} ${pad(0)} ${pad(0)}] /Contents `;
  const objStart = base.length + 1;
  const gapStart = base.length + headText.length;
  const gapLength = PLACEHOLDER_BYTES * 2 + 2;
  const afterGap = ' >>\nendobj\n';
  const xrefAt = gapStart + gapLength + afterGap.length;
  const trailer = `xref\n0 1\n0000000000 65535 f \n${num} 1\n${pad(objStart)} 00000 n \ntrailer\n<< /Size ${num + 1} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const tailLength = afterGap.length + trailer.length;
  const head = headText.replace(
    `[0 ${pad(0)} ${pad(0)} ${pad(0)}]`,
    `[0 ${pad(gapStart)} ${pad(gapStart + gapLength)} ${pad(tailLength)}]`,
  );
  const before = Buffer.concat([Buffer.from(base), Buffer.from(head, 'latin1')]);
  const after = Buffer.from(afterGap + trailer, 'latin1');
  const token = await requestTimestamp(Buffer.concat([before, after]), { url: tsaUrl });
  const hex = Buffer.from(token)
    .toString('hex')
    .padEnd(PLACEHOLDER_BYTES * 2, '0');
  if (hex.length > PLACEHOLDER_BYTES * 2) {
    throw new Error('timestamp token larger than the placeholder');
  }
  return new Uint8Array(Buffer.concat([before, Buffer.from(`<${hex}>`, 'latin1'), after]));
}

/**
 * A document timestamp as ISO 32000-2 §12.8.5 and PAdES B-LTA put it: the value of a new,
 * invisible signature field (in the form's /Fields and page 1's /Annots), appended as its own
 * incremental update with our incremental writer. The DocMDP checks of the signing engine are
 * bypassed on purpose: a timestamp is allowed even after a P=1 certification.
 */
export async function appendDocumentTimestampField(
  base: Uint8Array,
  tsaUrl: string,
  fieldName = 'DauThoiGian_TaiLieu',
): Promise<Uint8Array> {
  const inc = await Increment.open(base);
  const pageRef = pageRefAt(inc, 0);
  const placeholder =
    '<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 ' +
    `/ByteRange [0 ********** ********** **********] /Contents <${'0'.repeat(PLACEHOLDER_BYTES * 2)}> >>`;
  const sigRef = inc.registerRaw(Buffer.from(placeholder, 'latin1'));
  const ap = inc.register(inc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 0, 0] }));
  const widget = inc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 132,
    P: pageRef,
    V: sigRef,
    AP: { N: ap },
  }) as PDFDict;
  widget.set(PDFName.of('T'), pdfText(fieldName));
  addWidgetField(inc, inc.register(widget), pageRef);
  await inc.doc.flush();
  const { bytes: increment, rawOffsets } = inc.build();
  const at = base.length + (rawOffsets.get(sigRef) ?? NaN);
  const out = Buffer.concat([base, increment]);
  const contentsStart = at + placeholder.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + PLACEHOLDER_BYTES * 2 + 2;
  const range = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeAt = at + placeholder.indexOf('/ByteRange');
  out.write(
    `/ByteRange [${range.join(' ')}]`.padEnd('/ByteRange [0 ********** ********** **********]'.length),
    rangeAt,
    'latin1',
  );
  const token = await requestTimestamp(Buffer.concat([out.subarray(0, contentsStart), out.subarray(contentsEnd)]), {
    url: tsaUrl,
  });
  out.write(Buffer.from(token).toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return new Uint8Array(out);
}
