import type { X509Certificate } from 'node:crypto';
import { buildPath } from './chain.ts';
import { CertificateMemo } from './cert-memo.ts';
import { certInfo } from './cert-info.ts';
import { extendedKeyUsage } from './cert-der.ts';
import { checkCms } from './cms.ts';
import { algorithm, children, expectTag, parseDer, time, value, type Tlv } from './der.ts';
import type { SignedContent } from './range-digest.ts';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface TimestampCheck {
  readonly ok: boolean;
  readonly time: Date | null;
  readonly authority: string | null;
  readonly trusted: boolean;
  /** The TSA certificate carries the critical id-kp-timeStamping EKU RFC 3161 §2.3 requires. */
  readonly usageOk: boolean;
  readonly certificates: readonly X509Certificate[];
  /** Why it is not ok, in Vietnamese. */
  readonly reason: string | null;
}

interface TstInfo {
  readonly genTime: Date;
  readonly imprintAlgorithm: string;
  readonly imprint: Uint8Array;
}

/** TSTInfo (RFC 3161 §2.4.2): version, policy, messageImprint, serialNumber, genTime, … */
function parseTstInfo(der: Uint8Array): TstInfo {
  const [, , imprint, , genTime] = children(expectTag(parseDer(der), 0x30));
  const [alg, hashed] = children(expectTag(imprint, 0x30));
  return {
    genTime: time(expectTag(genTime, 0x18)),
    imprintAlgorithm: algorithm(alg as Tlv).oid,
    imprint: value(expectTag(hashed, 0x04)),
  };
}

const ID_KP_TIMESTAMPING = '1.3.6.1.5.5.7.3.8';

/**
 * RFC 3161 §2.3: the TSA's certificate has exactly one extended key usage, id-kp-timeStamping,
 * and the extension is critical. Any other certificate could vouch for any time it likes.
 */
function isTimestampingCert(cert: X509Certificate): boolean {
  try {
    const eku = extendedKeyUsage(cert);
    return eku !== null && eku.critical && eku.oids.length === 1 && eku.oids[0] === ID_KP_TIMESTAMPING;
  } catch {
    return false;
  }
}

/**
 * Verify an RFC 3161 token over `imprinted` (the signature value for a signature timestamp,
 * the ByteRange chunks for a document timestamp): the token's own CMS signature, the message
 * imprint, and the TSA's path to a trust anchor.
 */
export function checkTimestamp(
  token: Uint8Array,
  imprinted: SignedContent,
  anchors: readonly X509Certificate[],
  memo: CertificateMemo = new CertificateMemo(),
): TimestampCheck {
  const cms = checkCms(token, null, memo);
  const none = { time: null, authority: null, trusted: false, usageOk: false, certificates: cms.certificates };
  if (cms.eContentType !== TST_INFO || cms.eContent === null) {
    return { ...none, ok: false, reason: 'Dấu thời gian không đúng định dạng RFC 3161.' };
  }
  let info: TstInfo;
  try {
    info = parseTstInfo(cms.eContent);
  } catch {
    return { ...none, ok: false, reason: 'Dấu thời gian không đọc được.' };
  }
  const authority = cms.signerCert === null ? null : certInfo(cms.signerCert).commonName;
  const base = { ...none, time: info.genTime, authority };
  if (cms.failure !== null) {
    return { ...base, ok: false, reason: 'Chữ ký của đơn vị cấp dấu thời gian không hợp lệ.' };
  }
  const hashName = DIGESTS[info.imprintAlgorithm];
  if (hashName === undefined) {
    return { ...base, ok: false, reason: 'Dấu thời gian dùng thuật toán băm không hỗ trợ.' };
  }
  const expected = Buffer.from(info.imprint);
  if (!imprinted.digest(hashName).equals(expected)) {
    return { ...base, ok: false, reason: 'Dấu thời gian không khớp với chữ ký được đóng dấu.' };
  }
  const tsaCert = cms.signerCert as X509Certificate;
  const path = buildPath(tsaCert, cms.certificates, anchors, info.genTime, memo);
  const usageOk = isTimestampingCert(tsaCert);
  const trusted = usageOk && path.trust === 'trusted' && path.expiredAt === null && path.notYetValidAt === null;
  const reason = !usageOk
    ? 'Chứng thư số ký dấu thời gian không có mục đích cấp dấu thời gian (id-kp-timeStamping).'
    : trusted
      ? null
      : 'Đơn vị cấp dấu thời gian không thuộc danh sách tin cậy.';
  return { ...base, ok: true, trusted, usageOk, reason };
}
