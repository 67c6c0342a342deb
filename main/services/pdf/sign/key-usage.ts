import { children, expectTag, octets, oid, parseDer, value, type Tlv } from '../verify/der.ts';

const KEY_USAGE_OID = '2.5.29.15';
/** Bit positions of RFC 5280 KeyUsage, counted from the most significant bit of the first byte. */
const DIGITAL_SIGNATURE = 0;
const NON_REPUDIATION = 1;

/** The keyUsage extension's value (its extnValue's content), or undefined when there is none. */
function keyUsageExtension(certificateDer: Uint8Array): Uint8Array | undefined {
  const [tbs] = children(parseDer(certificateDer));
  const wrapper = children(tbs as Tlv).find((f) => f.tag === 0xa3);
  if (wrapper === undefined) {
    return undefined;
  }
  for (const extension of children(expectTag(children(wrapper)[0], 0x30))) {
    const parts = children(extension);
    if (oid(parts[0] as Tlv) === KEY_USAGE_OID) {
      return octets(parts[parts.length - 1] as Tlv);
    }
  }
  return undefined;
}

/**
 * Whether a certificate may make document signatures: its keyUsage extension, when present, must
 * include digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3). No extension means no limit.
 * Read with the verifier's DER reader: the `sign` command loads no ASN.1 library.
 */
export function allowsSigning(certificateDer: Uint8Array): boolean {
  const extension = keyUsageExtension(certificateDer);
  if (extension === undefined) {
    return true;
  }
  let bitString: Tlv;
  try {
    bitString = parseDer(extension);
  } catch {
    return false;
  }
  if (bitString.tag !== 0x03) {
    return false;
  }
  // The first content octet counts the unused bits of the last; the bits follow.
  const bits = value(bitString).subarray(1);
  const bit = (n: number): boolean => ((bits[n >> 3] ?? 0) & (0x80 >> (n & 7))) !== 0;
  return bit(DIGITAL_SIGNATURE) || bit(NON_REPUDIATION);
}
