/**
 * A minimal DER writer for the CMS a signature carries: elements are built from their parts'
 * encodings, so certificates and names taken from a certificate are copied as they are. asn1js
 * and pkijs, an object model of all ASN.1, were the largest code the `sign` command loaded.
 */

/** The element `tag` holding `parts` one after the other (definite length, as DER requires). */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const head: number[] = [tag];
  if (length < 0x80) {
    head.push(length);
  } else {
    const octets: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) {
      octets.unshift(n % 256);
    }
    head.push(0x80 | octets.length, ...octets);
  }
  return Buffer.concat([Uint8Array.from(head), ...parts]);
}

export const sequence = (...parts: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...parts);
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const derNull = (): Uint8Array => Uint8Array.from([0x05, 0x00]);

/** SET OF: the elements sorted by their encodings (X.690 §11.6). */
export function setOf(elements: readonly Uint8Array[], tag = 0x31): Uint8Array {
  return tlv(tag, ...[...elements].sort(compareBytes));
}

/** A small non-negative INTEGER (versions). */
export function smallInteger(n: number): Uint8Array {
  return Uint8Array.from(n < 0x80 ? [0x02, 0x01, n] : [0x02, 0x02, 0x00, n]);
}

export function objectIdentifier(dotted: string): Uint8Array {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const body: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const groups = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) {
      groups.unshift((n & 0x7f) | 0x80);
    }
    body.push(...groups);
  }
  return tlv(0x06, Uint8Array.from(body));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return a.length - b.length;
}
