import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const KEY_USAGE_OID = '2.5.29.15';
/** Bit positions of RFC 5280 KeyUsage, counted from the most significant bit of the first byte. */
const DIGITAL_SIGNATURE = 0;
const NON_REPUDIATION = 1;

/**
 * Whether a certificate may make document signatures: its keyUsage extension, when present, must
 * include digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3). No extension means no limit.
 */
export function allowsSigning(certificateDer: Uint8Array): boolean {
  const cert = pkijs.Certificate.fromBER(certificateDer);
  const extension = cert.extensions?.find((e) => e.extnID === KEY_USAGE_OID);
  if (extension === undefined) {
    return true;
  }
  const parsed = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.BitString)) {
    return false;
  }
  const bits = parsed.result.valueBlock.valueHexView;
  const bit = (n: number): boolean => ((bits[n >> 3] ?? 0) & (0x80 >> (n & 7))) !== 0;
  return bit(DIGITAL_SIGNATURE) || bit(NON_REPUDIATION);
}
