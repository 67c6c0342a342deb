/**
 * A minimal BER/DER reader: just tag, length and where the value lies, over the original bytes.
 * A full ASN.1 object model (asn1js/pkijs) was the largest cost of verification; a signature
 * needs a dozen fields, so they are read in place and no byte is copied.
 */
export interface Tlv {
  /** The identifier octet (class, constructed bit and tag number < 31). */
  readonly tag: number;
  /** Offsets into `bytes`: the whole element, and its value. */
  readonly start: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly end: number;
  readonly bytes: Uint8Array;
}

export class DerError extends Error {}

const MAX_DEPTH = 64;

/** Read the element at `offset`; indefinite lengths (BER) are resolved by walking the children. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) {
    throw new DerError('nesting too deep');
  }
  if (offset + 2 > limit) {
    throw new DerError('truncated');
  }
  const tag = bytes[offset] as number;
  // Multi-byte tag numbers never occur in CMS, X.509, OCSP or TSTInfo.
  if ((tag & 0x1f) === 0x1f) {
    throw new DerError('high tag number');
  }
  let pos = offset + 1;
  const first = bytes[pos++] as number;
  if (first === 0x80) {
    if ((tag & 0x20) === 0) {
      throw new DerError('indefinite primitive');
    }
    let child = pos;
    for (;;) {
      if (child + 2 > limit) {
        throw new DerError('unterminated');
      }
      if (bytes[child] === 0 && bytes[child + 1] === 0) {
        break;
      }
      child = readTlv(bytes, child, limit, depth + 1).end;
    }
    return { tag, start: offset, valueStart: pos, valueEnd: child, end: child + 2, bytes };
  }
  let length = first;
  if (first > 0x80) {
    const n = first & 0x7f;
    if (n > 4) {
      throw new DerError('length too long');
    }
    length = 0;
    for (let i = 0; i < n; i++) {
      length = length * 256 + (bytes[pos++] as number);
    }
  }
  const end = pos + length;
  if (end > limit) {
    throw new DerError('truncated');
  }
  return { tag, start: offset, valueStart: pos, valueEnd: end, end, bytes };
}

export function parseDer(bytes: Uint8Array): Tlv {
  return readTlv(bytes, 0);
}

/** The children of a constructed element. */
export function children(tlv: Tlv): Tlv[] {
  if ((tlv.tag & 0x20) === 0) {
    throw new DerError('not constructed');
  }
  const out: Tlv[] = [];
  let pos = tlv.valueStart;
  while (pos < tlv.valueEnd) {
    const child = readTlv(tlv.bytes, pos, tlv.valueEnd);
    out.push(child);
    pos = child.end;
  }
  return out;
}

export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (tlv === undefined || tlv.tag !== tag) {
    throw new DerError(`expected tag ${tag.toString(16)}`);
  }
  return tlv;
}

export function value(tlv: Tlv): Uint8Array {
  return tlv.bytes.subarray(tlv.valueStart, tlv.valueEnd);
}

export function raw(tlv: Tlv): Uint8Array {
  return tlv.bytes.subarray(tlv.start, tlv.end);
}

/** An OCTET STRING's content, joining the segments of a constructed (BER) one. */
export function octets(tlv: Tlv): Uint8Array {
  if (tlv.tag === 0x04) {
    return value(tlv);
  }
  if (tlv.tag === 0x24) {
    return Buffer.concat(children(tlv).map(octets));
  }
  throw new DerError('not an octet string');
}

export function oid(tlv: Tlv): string {
  const v = value(expectTag(tlv, 0x06));
  const parts: number[] = [];
  let n = 0;
  for (const byte of v) {
    n = n * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) {
        parts.push(n < 80 ? Math.floor(n / 40) : 2, n < 80 ? n % 40 : n - 80);
      } else {
        parts.push(n);
      }
      n = 0;
    }
  }
  return parts.join('.');
}

/** An INTEGER as lowercase hex without leading zero octets (serial numbers). */
export function integerHex(tlv: Tlv): string {
  const hex = Buffer.from(value(expectTag(tlv, 0x02))).toString('hex');
  return hex.replace(/^(00)+(?=.)/, '');
}

/** UTCTime (0x17) or GeneralizedTime (0x18), with optional fractions and offsets. */
export function time(tlv: Tlv): Date {
  const text = Buffer.from(value(tlv)).toString('latin1');
  let full: string;
  if (tlv.tag === 0x17) {
    const yy = Number(text.slice(0, 2));
    full = `${yy < 50 ? 20 : 19}${text}`;
  } else if (tlv.tag === 0x18) {
    full = text;
  } else {
    throw new DerError('not a time');
  }
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?([.,]\d+)?(Z|[+-]\d{4})?$/.exec(full);
  if (m === null) {
    throw new DerError('bad time');
  }
  const [, y, mo, d, h, mi, s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.replace(',', '.').slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) {
    throw new DerError('bad time');
  }
  return date;
}

/** AlgorithmIdentifier: the OID and the raw parameters, if any. */
export function algorithm(tlv: Tlv): { oid: string; params: Tlv | undefined } {
  const [id, params] = children(expectTag(tlv, 0x30));
  return { oid: oid(id as Tlv), params };
}
