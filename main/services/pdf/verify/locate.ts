import { byteRanges, contentsString, latin1At } from './locate-scan.ts';

/**
 * Find signature dictionaries by their /ByteRange, without trusting the file's structure: a
 * dictionary counts only if its /Contents hex string fills exactly the gap the ByteRange leaves.
 * Signature dictionaries are never in object streams (their offsets must be real), so a scan of
 * the raw bytes finds them all; this keeps verification working on damaged files.
 */
export interface SignatureDict {
  readonly objectNumber: number;
  readonly generation: number;
  readonly byteRange: readonly [number, number, number, number];
  readonly contents: Uint8Array;
  readonly subFilter: string;
  readonly type: string;
  /** /M as written (PDF date string), if any. */
  readonly claimedTime: Date | null;
  readonly name: string | null;
  /** DocMDP P of a certification signature, from /Reference. */
  readonly docMdp: number | null;
  /** Raw text of the dictionary with /Contents removed, for FieldMDP parsing. */
  readonly dictText: string;
  /** The ranges lie in the file and leave the /Contents string unsigned: the CMS can be checked. */
  readonly valid: boolean;
  /** The ranges start at 0 and skip exactly the /Contents string, as ISO 32000-1 §12.8.1 requires. */
  readonly exactHole: boolean;
}

const MAX_SIGNATURES = 64;

export function parsePdfDate(value: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value.trim());
  if (m === null) {
    return null;
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz, th = '00', tm = '00'] = m;
  let iso = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  iso += tz === undefined || tz === 'Z' || tz === 'z' ? 'Z' : `${tz}${th}:${tm}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Decode a PDF literal or hex string to text (UTF-16BE with BOM, else PDFDocEncoding ≈ Latin-1). */
export function decodePdfString(raw: string): string {
  let bytes: Buffer;
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/[^0-9a-fA-F]/g, '');
    bytes = Buffer.from(hex.length % 2 === 1 ? `${hex}0` : hex, 'hex');
  } else {
    const body = raw.slice(1, -1);
    const out: number[] = [];
    for (let i = 0; i < body.length; i++) {
      const c = body[i] as string;
      if (c !== '\\') {
        out.push(c.charCodeAt(0) & 0xff);
        continue;
      }
      const n = body[++i] ?? '';
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (esc[n] !== undefined) {
        out.push(esc[n]);
      } else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) {
          oct += body[++i];
        }
        out.push(parseInt(oct, 8) & 0xff);
      }
    }
    bytes = Buffer.from(out);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    if (swapped.length % 2 === 1) {
      return '';
    }
    return swapped.swap16().toString('utf16le');
  }
  return bytes.toString('latin1');
}

/**
 * The /Contents string's digits decoded (white-space dropped, an odd last digit followed by 0).
 * Most are digits only, decoded in one native call; Node's decoding stops at the first other
 * byte, so a shorter result means there was white-space to drop first.
 */
function hexContents(digits: string): Buffer {
  const direct = Buffer.from(digits, 'hex');
  if (direct.length * 2 === digits.length) {
    return direct;
  }
  const hex = digits.replace(/\s/g, '');
  return Buffer.from(hex.length % 2 === 1 ? `${hex}0` : hex, 'hex');
}

/**
 * The placeholder is padded with zeros after the DER; cut at the DER's own length (trimming
 * trailing zeros would also cut a signature that happens to end in 0x00).
 */
function derPrefix(buf: Buffer): Buffer {
  if (buf.length < 2) {
    return buf;
  }
  const first = buf[1] as number;
  let length: number;
  let header = 2;
  if (first < 0x80) {
    length = first;
  } else {
    const n = first & 0x7f;
    if (n === 0 || n > 4) {
      return buf;
    }
    length = 0;
    for (let i = 0; i < n; i++) {
      length = length * 256 + (buf[2 + i] ?? 0);
    }
    header += n;
  }
  return header + length <= buf.length ? buf.subarray(0, header + length) : buf;
}

const STRING = String.raw`(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)`;

/** The expressions for each key, compiled once (each signature asks for the same few keys). */
const ENTRY = new Map<string, RegExp>();

function entryPattern(kind: 'string' | 'name', key: string): RegExp {
  const id = `${kind} ${key}`;
  let re = ENTRY.get(id);
  if (re === undefined) {
    re = new RegExp(kind === 'string' ? String.raw`/${key}\s*${STRING}` : String.raw`/${key}\s*/([^\s/<>\[\]()]+)`);
    ENTRY.set(id, re);
  }
  return re;
}

function stringEntry(dict: string, key: string): string | null {
  const m = entryPattern('string', key).exec(dict);
  return m === null ? null : decodePdfString(m[1] as string);
}

function nameEntry(dict: string, key: string): string {
  const m = entryPattern('name', key).exec(dict);
  return m === null ? '' : (m[1] as string);
}

function docMdpOf(dict: string): number | null {
  if (!/\/TransformMethod\s*\/DocMDP/.test(dict)) {
    return null;
  }
  const p = /\/P\s+([123])\b/.exec(dict.slice(dict.indexOf('/TransformMethod')));
  return p === null ? 2 : Number(p[1]);
}

export function locateSignatures(bytes: Uint8Array): SignatureDict[] {
  const found: SignatureDict[] = [];
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const m of byteRanges(bytes)) {
    if (found.length >= MAX_SIGNATURES) {
      break;
    }
    const br = m.values;
    const head = b.lastIndexOf(' obj', m.index, 'latin1');
    const headLine = head < 0 ? null : /(\d+)\s+(\d+)\s*$/.exec(latin1At(bytes, Math.max(0, head - 24), head));
    // The dictionary around this ByteRange: from the object header to its endobj.
    const start = head < 0 ? m.index : head;
    const endobj = b.indexOf('endobj', m.index, 'latin1');
    const end = endobj < 0 ? Math.min(bytes.length, m.index + 4096) : endobj;
    const gapStart = br[0] + br[1];
    const gapEnd = br[2];
    const hole = contentsString(bytes, start, end);
    // The /Contents string must lie in the unsigned gap (a signature cannot sign itself) and the
    // ranges must lie in the file; then the CMS can be checked even if more than the string is unsigned.
    const usable = hole !== null && gapStart <= hole.start && hole.end <= gapEnd && gapEnd + br[3] <= bytes.length;
    const exactHole = usable && br[0] === 0 && gapStart === hole.start && gapEnd === hole.end;
    const dictText = usable
      ? latin1At(bytes, start, hole.start) + latin1At(bytes, hole.end, end)
      : latin1At(bytes, start, end);
    const contents = derPrefix(usable ? hexContents(latin1At(bytes, hole.start + 1, hole.end - 1)) : Buffer.alloc(0));
    const mText = stringEntry(dictText, 'M');
    found.push({
      objectNumber: headLine === null ? -1 : Number(headLine[1]),
      generation: headLine === null ? 0 : Number(headLine[2]),
      byteRange: br,
      contents,
      subFilter: nameEntry(dictText, 'SubFilter'),
      type: nameEntry(dictText, 'Type'),
      claimedTime: mText === null ? null : parsePdfDate(mText),
      name: stringEntry(dictText, 'Name'),
      docMdp: docMdpOf(dictText),
      dictText,
      valid: usable,
      exactHole,
    });
  }
  // Several copies of one dictionary (rewritten by a later update) keep the last; order by coverage.
  const byObject = new Map<string, SignatureDict>();
  for (const sig of found) {
    byObject.set(sig.objectNumber < 0 ? `@${sig.byteRange.join(',')}` : `${sig.objectNumber}`, sig);
  }
  return [...byObject.values()].sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}
