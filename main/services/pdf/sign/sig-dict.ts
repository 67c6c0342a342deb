import { PDFHexString } from '@cantoo/pdf-lib';
import type { FieldLock } from './field-lock.ts';

/** Fixed-width ByteRange placeholder, patched once the final offsets are known. */
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 ********** ********** **********]';

export interface SigDictInput {
  /** Bytes reserved for the DER CMS; /Contents holds twice as many hex digits. */
  readonly contentsBytes: number;
  readonly signingTime: Date;
  readonly name?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** DocMDP certification level (1–3) or a FieldMDP lock (the signed field's /Lock). */
  readonly docMdp?: 1 | 2 | 3;
  readonly fieldLock?: FieldLock;
}

export interface SigDictBytes {
  readonly bytes: Uint8Array;
  /** Offset within `bytes` of the "/ByteRange [" placeholder text. */
  readonly byteRangeAt: number;
  readonly byteRangeLength: number;
  /** Offset within `bytes` of the "<" opening /Contents, and of the byte after ">". */
  readonly contentsStart: number;
  readonly contentsEnd: number;
}

/** PDF date in Vietnam time (+07'00'), so pdfsig and readers show the clock the signer saw (P12). */
export function pdfDateVn(date: Date): string {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `D:${vn.getUTCFullYear()}${pad(vn.getUTCMonth() + 1)}${pad(vn.getUTCDate())}` +
    `${pad(vn.getUTCHours())}${pad(vn.getUTCMinutes())}${pad(vn.getUTCSeconds())}+07'00'`
  );
}

function textString(value: string): string {
  // UTF-16BE with BOM: PDFString.of would keep only the low byte of Vietnamese letters (P7).
  return PDFHexString.fromText(value.normalize('NFC')).toString();
}

function literalName(value: string): string {
  return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * The signature dictionary, serialised by hand so that key order and widths are fixed and the
 * object is never compressed into an object stream (P10).
 */
export function buildSigDict(input: SigDictInput): SigDictBytes {
  const head = '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ';
  const contents = `/Contents <${'0'.repeat(input.contentsBytes * 2)}>`;
  let tail = ` /M (${pdfDateVn(input.signingTime)})`;
  if (input.name !== undefined) {
    tail += ` /Name ${textString(input.name)}`;
  }
  if (input.reason !== undefined) {
    tail += ` /Reason ${textString(input.reason)}`;
  }
  if (input.location !== undefined) {
    tail += ` /Location ${textString(input.location)}`;
  }
  if (input.contactInfo !== undefined) {
    tail += ` /ContactInfo ${textString(input.contactInfo)}`;
  }
  if (input.docMdp !== undefined) {
    tail +=
      ' /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams' +
      ` << /Type /TransformParams /P ${input.docMdp} /V /1.2 >> >>]`;
  } else if (input.fieldLock !== undefined) {
    const { action, fields } = input.fieldLock;
    const list = action === 'All' ? '' : ` /Fields [${fields.map(literalName).join(' ')}]`;
    tail +=
      ' /Reference [<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams' +
      ` << /Type /TransformParams /Action /${action}${list} /V /1.2 >> >>]`;
  }
  tail += ' /Prop_Build << /App << /Name /Vanthu >> >> >>';
  const text = `${head}${BYTE_RANGE_PLACEHOLDER} ${contents}${tail}`;
  const byteRangeAt = head.length;
  const contentsStart = byteRangeAt + BYTE_RANGE_PLACEHOLDER.length + 1 + '/Contents '.length;
  return {
    bytes: Buffer.from(text, 'latin1'),
    byteRangeAt,
    byteRangeLength: BYTE_RANGE_PLACEHOLDER.length,
    contentsStart,
    contentsEnd: contentsStart + input.contentsBytes * 2 + 2,
  };
}

/** The placeholder text replaced by the real ByteRange, padded with spaces to the same width. */
export function byteRangeText(range: readonly [number, number, number, number], width: number): string {
  const text = `/ByteRange [${range.join(' ')}]`;
  if (text.length > width) {
    throw new Error('ByteRange does not fit its placeholder');
  }
  return text.padEnd(width, ' ');
}
