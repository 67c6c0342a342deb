import { X509Certificate, constants, createHash, createVerify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
};

/** Signature algorithms that name their own hash; rsaEncryption/ecPublicKey use the digest algorithm's. */
const SIGNATURE_HASH: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
const ATTR_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ATTR_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const ATTR_SIGNING_TIME = '1.2.840.113549.1.9.5';
const ATTR_TIMESTAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';
const SIGNED_DATA = '1.2.840.113549.1.7.2';

export type CmsFailure =
  'CMS_MALFORMED' | 'DIGEST_MISMATCH' | 'SIGNATURE_INVALID' | 'SIGNER_CERT_MISSING' | 'ALGORITHM_UNSUPPORTED';

export interface CmsCheck {
  readonly failure: CmsFailure | null;
  readonly signerCert: X509Certificate | null;
  readonly certificates: readonly X509Certificate[];
  readonly digestAlgorithm: string | null;
  /** signingTime signed attribute; PAdES leaves it out (the time is in /M then). */
  readonly claimedSigningTime: Date | null;
  /** RFC 3161 token from the unsigned attributes (a signature timestamp). */
  readonly timestampToken: Uint8Array | null;
  readonly signatureValue: Uint8Array;
  /** Encapsulated content (a timestamp token's TSTInfo); null for detached signatures. */
  readonly eContent: Uint8Array | null;
  readonly eContentType: string | null;
}

function fail(failure: CmsFailure, partial: Partial<CmsCheck> = {}): CmsCheck {
  return {
    failure,
    signerCert: null,
    certificates: [],
    digestAlgorithm: null,
    claimedSigningTime: null,
    timestampToken: null,
    signatureValue: new Uint8Array(),
    eContent: null,
    eContentType: null,
    ...partial,
  };
}

function toBuffer(view: ArrayBuffer | Uint8Array): Buffer {
  return view instanceof Uint8Array ? Buffer.from(view.buffer, view.byteOffset, view.byteLength) : Buffer.from(view);
}

function stripHex(bytes: ArrayBuffer | Uint8Array): string {
  return toBuffer(bytes)
    .toString('hex')
    .replace(/^(00)+(?=.)/, '')
    .toLowerCase();
}

function attribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): unknown[] | null {
  const found = attrs?.attributes.find((a) => a.type === oid);
  return found === undefined ? null : (found.values as unknown[]);
}

function findSigner(signerInfo: pkijs.SignerInfo, certs: readonly pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = signerInfo.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = stripHex(sid.serialNumber.valueBlock.valueHexView);
    return (
      certs.find((c) => stripHex(c.serialNumber.valueBlock.valueHexView) === serial && c.issuer.isEqual(sid.issuer)) ??
      null
    );
  }
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    // [0] SubjectKeyIdentifier: compare with each certificate's SKI extension.
    const ski = toBuffer((sid as asn1js.Primitive).valueBlock.valueHexView).toString('hex');
    for (const cert of certs) {
      const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.14');
      if (ext !== undefined && toBuffer(ext.extnValue.valueBlock.valueHexView).toString('hex').endsWith(ski)) {
        return cert;
      }
    }
  }
  return null;
}

function verifySignature(
  algOid: string,
  algParams: unknown,
  digestName: string,
  key: KeyObject,
  data: readonly Uint8Array[],
  signature: Uint8Array,
): boolean | 'unsupported' {
  const keyType = key.asymmetricKeyType;
  let hash = SIGNATURE_HASH[algOid];
  if (algOid === RSA_ENCRYPTION || algOid === EC_PUBLIC_KEY) {
    hash = digestName;
  }
  const verifier = (name: string) => {
    const v = createVerify(name);
    for (const chunk of data) v.update(chunk);
    return v;
  };
  if (algOid === RSA_PSS) {
    let pss: pkijs.RSASSAPSSParams;
    try {
      pss = new pkijs.RSASSAPSSParams({ schema: algParams });
    } catch {
      return 'unsupported';
    }
    const pssHash = DIGESTS[pss.hashAlgorithm.algorithmId] ?? 'sha1';
    return verifier(pssHash).verify(
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength },
      signature,
    );
  }
  if (hash === undefined || (keyType !== 'rsa' && keyType !== 'ec')) {
    return 'unsupported';
  }
  return verifier(hash).verify(keyType === 'ec' ? { key, dsaEncoding: 'der' } : key, signature);
}

/**
 * Check a CMS SignedData over `content` (the ByteRange chunks, or null to use the encapsulated
 * content): the messageDigest attribute against our own digest, then the signature with the
 * signer certificate's key. Path and trust are judged elsewhere.
 */
export function checkCms(der: Uint8Array, content: readonly Uint8Array[] | null): CmsCheck {
  let signed: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(toBuffer(der));
    if (parsed.offset === -1) return fail('CMS_MALFORMED');
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== SIGNED_DATA) return fail('CMS_MALFORMED');
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    return fail('CMS_MALFORMED');
  }
  const signerInfo = signed.signerInfos[0];
  if (signerInfo === undefined) return fail('CMS_MALFORMED');
  const pkiCerts = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const certificates: X509Certificate[] = [];
  for (const c of pkiCerts) {
    try {
      certificates.push(new X509Certificate(toBuffer(c.toSchema().toBER(false))));
    } catch {
      // An unreadable extra certificate does not make the signature unreadable.
    }
  }
  const signatureValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const econtent = signed.encapContentInfo.eContent;
  const eContent = econtent === undefined ? null : new Uint8Array(econtent.getValue());
  const timeValue = attribute(signerInfo.signedAttrs, ATTR_SIGNING_TIME)?.[0] as
    asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const tsValue = attribute(signerInfo.unsignedAttrs, ATTR_TIMESTAMP_TOKEN)?.[0] as asn1js.BaseBlock | undefined;
  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId] ?? null;
  const base = {
    certificates,
    digestAlgorithm: digestName,
    claimedSigningTime: timeValue?.toDate?.() ?? null,
    timestampToken: tsValue === undefined ? null : new Uint8Array(tsValue.toBER(false)),
    signatureValue,
    eContent,
    eContentType: signed.encapContentInfo.eContentType,
  };
  const signerPki = findSigner(signerInfo, pkiCerts);
  const signerCert = signerPki === null ? null : (certificates[pkiCerts.indexOf(signerPki)] ?? null);
  if (signerCert === null) return fail('SIGNER_CERT_MISSING', base);
  if (digestName === null) return fail('ALGORITHM_UNSUPPORTED', { ...base, signerCert });
  const data = content ?? (eContent === null ? [] : [eContent]);
  const digest = createHash(digestName);
  for (const chunk of data) digest.update(chunk);
  const ourDigest = digest.digest();

  let signedBytes: readonly Uint8Array[] = data;
  if (signerInfo.signedAttrs !== undefined) {
    const md = attribute(signerInfo.signedAttrs, ATTR_MESSAGE_DIGEST)?.[0] as asn1js.OctetString | undefined;
    if (attribute(signerInfo.signedAttrs, ATTR_CONTENT_TYPE) === null || md === undefined) {
      return fail('CMS_MALFORMED', { ...base, signerCert });
    }
    if (!toBuffer(md.valueBlock.valueHexView).equals(ourDigest)) {
      return fail('DIGEST_MISMATCH', { ...base, signerCert });
    }
    // The signature covers the attributes' DER with the [0] tag re-written as SET (RFC 5652 §5.4).
    const encoded = Buffer.from(
      signerInfo.signedAttrs.encodedValue.byteLength > 0
        ? signerInfo.signedAttrs.encodedValue
        : signerInfo.signedAttrs.toSchema().toBER(false),
    );
    encoded[0] = 0x31;
    signedBytes = [encoded];
  }
  let ok: boolean | 'unsupported';
  try {
    ok = verifySignature(
      signerInfo.signatureAlgorithm.algorithmId,
      signerInfo.signatureAlgorithm.algorithmParams,
      digestName,
      signerCert.publicKey,
      signedBytes,
      signatureValue,
    );
  } catch {
    ok = false;
  }
  if (ok === 'unsupported') return fail('ALGORITHM_UNSUPPORTED', { ...base, signerCert });
  return { ...base, signerCert, failure: ok ? null : 'SIGNATURE_INVALID' };
}
