/**
 * The two small DER encodings token signing needs: the PKCS#1 DigestInfo for CKM_RSA_PKCS
 * (the token pads, we supply the hash with its algorithm), and ECDSA's raw r||s → Ecdsa-Sig-Value.
 */

// SEQUENCE { SEQUENCE { OID sha256, NULL }, OCTET STRING (32) } — RFC 8017 §9.2 note 1.
const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
]);

export function sha256DigestInfo(digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) {
    throw new RangeError('SHA-256 digest must be 32 bytes');
  }
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
  out.set(SHA256_DIGEST_INFO_PREFIX, 0);
  out.set(digest, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) {
    return [length];
  }
  if (length < 0x100) {
    return [0x81, length];
  }
  return [0x82, length >> 8, length & 0xff];
}

/** A DER INTEGER from unsigned big-endian bytes: strip leading zeros, add one back if the high bit is set. */
function derUnsignedInteger(bytes: Uint8Array): number[] {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start++;
  }
  const body = Array.from(bytes.subarray(start));
  if ((body[0] ?? 0) & 0x80) {
    body.unshift(0);
  }
  return [0x02, ...derLength(body.length), ...body];
}

/** PKCS#11 CKM_ECDSA returns r||s, each the curve's byte length; CMS wants SEQUENCE { r, s }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw new RangeError('ECDSA raw signature must be r||s of equal halves');
  }
  const half = raw.length / 2;
  const body = [...derUnsignedInteger(raw.subarray(0, half)), ...derUnsignedInteger(raw.subarray(half))];
  return Uint8Array.from([0x30, ...derLength(body.length), ...body]);
}
