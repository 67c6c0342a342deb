import { children, oid, raw, value, type Tlv } from './der.ts';

/** Short names for attribute types, as certificates are usually shown (and as pdfsig shows them). */
const SHORT: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'T',
};

export interface NameAttribute {
  readonly oid: string;
  /** The text, or null when the value is not a string type (then `hex` is the whole element). */
  readonly text: string | null;
  readonly hex: string;
}

const utf16 = new TextDecoder('utf-16be');

/** The string types a Name uses (X.520 DirectoryString, and IA5String for e-mail and DC). */
function decodeString(tlv: Tlv): string | null {
  const bytes = value(tlv);
  switch (tlv.tag) {
    case 0x0c: // UTF8String
      return Buffer.from(bytes).toString('utf8');
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x14: // TeletexString: in practice Latin-1
      return Buffer.from(bytes).toString('latin1');
    case 0x1e: // BMPString
      return utf16.decode(bytes);
    case 0x1c: {
      // UniversalString: UTF-32BE
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        out += String.fromCodePoint(
          (((bytes[i] as number) << 24) |
            ((bytes[i + 1] as number) << 16) |
            ((bytes[i + 2] as number) << 8) |
            (bytes[i + 3] as number)) >>>
            0,
        );
      }
      return out;
    }
    default:
      return null;
  }
}

/** A Name (RDNSequence) as its relative distinguished names, each a set of attributes. */
export function readName(name: Tlv): NameAttribute[][] {
  return children(name).map((rdn) =>
    children(rdn).map((atv) => {
      const [type, val] = children(atv);
      const element = val as Tlv;
      return {
        oid: oid(type as Tlv),
        text: decodeString(element),
        hex: Buffer.from(raw(element)).toString('hex'),
      };
    }),
  );
}

/** The first value of an attribute ("CN", "O"), or ''. */
export function nameField(rdns: readonly (readonly NameAttribute[])[], short: string): string {
  for (const rdn of rdns) {
    for (const attr of rdn) {
      if (SHORT[attr.oid] === short && attr.text !== null) {
        return attr.text;
      }
    }
  }
  return '';
}

/** RFC 4514 escaping of a value: the special characters, a leading space or #, a trailing space. */
function escape(text: string): string {
  return text
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/( )$/, '\\$1')
    .replace(/[\r\n\t]/, (c) => `\\${Buffer.from(c).toString('hex').toUpperCase()}`);
}

/**
 * The name as one line, in the certificate's order: "C=VN, ST=…, CN=…", unknown types by OID and
 * non-string values as #hex; multi-valued RDNs joined by "+".
 */
export function formatName(rdns: readonly (readonly NameAttribute[])[]): string {
  return rdns
    .map((rdn) =>
      rdn
        .map((attr) => `${SHORT[attr.oid] ?? attr.oid}=${attr.text === null ? `#${attr.hex}` : escape(attr.text)}`)
        .join('+'),
    )
    .join(', ');
}
