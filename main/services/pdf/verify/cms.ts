import {
  type X509Certificate,
  constants,
  createVerify,
  verify as cryptoVerify,
  type KeyObject,
  type VerifyKeyObjectInput,
  type VerifyPublicKeyInput,
} from 'node:crypto';
import { certDer, subjectKeyId } from './cert-der.ts';
import { CertificateMemo } from './cert-memo.ts';
import { detachedContent, type SignedContent } from './range-digest.ts';
import {
  algorithm,
  children,
  expectTag,
  integerHex,
  octets,
  oid,
  parseDer,
  raw,
  time,
  value,
  type Tlv,
} from './der.ts';

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
  /** The OIDs as written, so an unsupported algorithm can be named. */
  readonly digestAlgorithmOid: string | null;
  readonly signatureAlgorithmOid: string | null;
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
    digestAlgorithmOid: null,
    signatureAlgorithmOid: null,
    claimedSigningTime: null,
    timestampToken: null,
    signatureValue: new Uint8Array(),
    eContent: null,
    eContentType: null,
    ...partial,
  };
}

function toBuffer(view: Uint8Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

interface Attribute {
  readonly type: string;
  readonly values: readonly Tlv[];
}

function attributes(set: Tlv | undefined): Attribute[] | undefined {
  if (set === undefined) {
    return undefined;
  }
  return children(set).map((attr) => {
    const [type, values] = children(attr);
    return { type: oid(type as Tlv), values: children(expectTag(values, 0x31)) };
  });
}

function attribute(attrs: readonly Attribute[] | undefined, type: string): readonly Tlv[] | null {
  return attrs?.find((a) => a.type === type)?.values ?? null;
}

/** sid: IssuerAndSerialNumber (compared as DER) or [0] SubjectKeyIdentifier. */
function findSigner(sid: Tlv, certs: readonly X509Certificate[]): X509Certificate | null {
  if (sid.tag === 0x30) {
    const [issuer, serial] = children(sid);
    const issuerDer = toBuffer(raw(issuer as Tlv));
    const serialHex = integerHex(serial as Tlv);
    return (
      certs.find((c) => {
        const d = certDer(c);
        return d.serialHex === serialHex && issuerDer.equals(d.issuer);
      }) ?? null
    );
  }
  if (sid.tag === 0x80) {
    const ski = toBuffer(value(sid)).toString('hex');
    return certs.find((c) => subjectKeyId(c) === ski) ?? null;
  }
  return null;
}

/** A key, or a key with its padding or signature encoding, as Node's verify takes it. */
type VerifyKeyWithOptions = KeyObject | VerifyKeyObjectInput | VerifyPublicKeyInput;

function verifySignature(
  algOid: string,
  algParams: Tlv | undefined,
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
  // One piece (the signed attributes, nearly always) is checked in one call; a Verify stream
  // costs more to set up than the check itself.
  const check = (name: string, options: VerifyKeyWithOptions): boolean => {
    if (data.length === 1) {
      return cryptoVerify(name, data[0] as Uint8Array, options, signature);
    }
    const v = createVerify(name);
    for (const chunk of data) {
      v.update(chunk);
    }
    return v.verify(options, signature);
  };
  if (algOid === RSA_PSS) {
    // RSASSA-PSS-params: [0] hashAlgorithm (default SHA-1), [2] saltLength (default 20).
    let pssHash = 'sha1';
    let saltLength = 20;
    try {
      for (const field of algParams === undefined ? [] : children(algParams)) {
        const inner = children(field)[0] as Tlv;
        if (field.tag === 0xa0) {
          pssHash = DIGESTS[algorithm(inner).oid] ?? '';
        }
        if (field.tag === 0xa2) {
          saltLength = parseInt(integerHex(inner), 16);
        }
      }
    } catch {
      return 'unsupported';
    }
    if (pssHash === '') {
      return 'unsupported';
    }
    return check(pssHash, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
  }
  if (hash === undefined || (keyType !== 'rsa' && keyType !== 'ec')) {
    return 'unsupported';
  }
  return check(hash, keyType === 'ec' ? { key, dsaEncoding: 'der' } : key);
}

/**
 * Check a CMS SignedData over `content` (the ByteRange's bytes, or null to use the encapsulated
 * content): the messageDigest attribute against our own digest, then the signature with the
 * signer certificate's key. Path and trust are judged elsewhere.
 */
export function checkCms(
  der: Uint8Array,
  content: SignedContent | null,
  memo: CertificateMemo = new CertificateMemo(),
): CmsCheck {
  let parsed: ParsedCms;
  try {
    parsed = parseCms(der, memo);
  } catch {
    return fail('CMS_MALFORMED');
  }
  const { signerInfo, certificates, eContent, eContentType } = parsed;
  const timeValue = attribute(signerInfo.signedAttrs, ATTR_SIGNING_TIME)?.[0];
  const tsValue = attribute(signerInfo.unsignedAttrs, ATTR_TIMESTAMP_TOKEN)?.[0];
  const digestName = DIGESTS[signerInfo.digestAlgorithm] ?? null;
  let claimedSigningTime: Date | null = null;
  try {
    claimedSigningTime = timeValue === undefined ? null : time(timeValue);
  } catch {
    // An unreadable signingTime is only a missing claim.
  }
  const base = {
    certificates,
    digestAlgorithm: digestName,
    digestAlgorithmOid: signerInfo.digestAlgorithm,
    signatureAlgorithmOid: signerInfo.signatureAlgorithm.oid,
    claimedSigningTime,
    timestampToken: tsValue === undefined ? null : raw(tsValue),
    signatureValue: signerInfo.signature,
    eContent,
    eContentType,
  };
  let signerCert: X509Certificate | null;
  try {
    signerCert = findSigner(signerInfo.sid, certificates);
  } catch {
    signerCert = null;
  }
  if (signerCert === null) {
    return fail('SIGNER_CERT_MISSING', base);
  }
  if (digestName === null) {
    return fail('ALGORITHM_UNSUPPORTED', { ...base, signerCert });
  }
  const signed = content ?? detachedContent(eContent === null ? [] : [eContent]);
  const data = signed.chunks;
  const ourDigest = signed.digest(digestName);

  let signedBytes: readonly Uint8Array[] = data;
  if (signerInfo.signedAttrs !== undefined && signerInfo.signedAttrsTlv !== undefined) {
    const md = attribute(signerInfo.signedAttrs, ATTR_MESSAGE_DIGEST)?.[0];
    if (attribute(signerInfo.signedAttrs, ATTR_CONTENT_TYPE) === null || md?.tag !== 0x04) {
      return fail('CMS_MALFORMED', { ...base, signerCert });
    }
    if (!toBuffer(value(md)).equals(ourDigest)) {
      return fail('DIGEST_MISMATCH', { ...base, signerCert });
    }
    // The signature covers the attributes' DER with the [0] tag re-written as SET (RFC 5652 §5.4).
    const encoded = Buffer.from(raw(signerInfo.signedAttrsTlv));
    encoded[0] = 0x31;
    signedBytes = [encoded];
  }
  let ok: boolean | 'unsupported';
  try {
    ok = verifySignature(
      signerInfo.signatureAlgorithm.oid,
      signerInfo.signatureAlgorithm.params,
      digestName,
      signerCert.publicKey,
      signedBytes,
      signerInfo.signature,
    );
  } catch {
    ok = false;
  }
  if (ok === 'unsupported') {
    return fail('ALGORITHM_UNSUPPORTED', { ...base, signerCert });
  }
  return { ...base, signerCert, failure: ok ? null : 'SIGNATURE_INVALID' };
}

interface ParsedSignerInfo {
  readonly sid: Tlv;
  readonly digestAlgorithm: string;
  readonly signedAttrsTlv: Tlv | undefined;
  readonly signedAttrs: readonly Attribute[] | undefined;
  readonly signatureAlgorithm: { oid: string; params: Tlv | undefined };
  readonly signature: Uint8Array;
  readonly unsignedAttrs: readonly Attribute[] | undefined;
}

interface ParsedCms {
  readonly signerInfo: ParsedSignerInfo;
  readonly certificates: X509Certificate[];
  readonly eContent: Uint8Array | null;
  readonly eContentType: string;
}

/** ContentInfo → SignedData (RFC 5652 §5.1), the first SignerInfo and the certificates; throws if malformed. */
function parseCms(der: Uint8Array, memo: CertificateMemo): ParsedCms {
  const [contentType, wrapped] = children(expectTag(parseDer(der), 0x30));
  if (oid(contentType as Tlv) !== SIGNED_DATA) {
    throw new Error('not SignedData');
  }
  const fields = children(expectTag(children(expectTag(wrapped, 0xa0))[0], 0x30));
  // version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos
  const [encapType, encapContent] = children(expectTag(fields[2], 0x30));
  const eContent = encapContent === undefined ? null : octets(children(expectTag(encapContent, 0xa0))[0] as Tlv);
  const certificates: X509Certificate[] = [];
  const certSet = fields.find((f, i) => i > 2 && f.tag === 0xa0);
  for (const c of certSet === undefined ? [] : children(certSet)) {
    if (c.tag !== 0x30) {
      continue;
    } // attribute and other certificate formats are not X.509.
    try {
      certificates.push(memo.parse(raw(c)));
    } catch {
      // An unreadable extra certificate does not make the signature unreadable.
    }
  }
  const signerInfos = expectTag(fields[fields.length - 1], 0x31);
  const info = children(expectTag(children(signerInfos)[0], 0x30));
  let i = 2;
  const digestAlgorithm = algorithm(info[i++] as Tlv).oid;
  const signedAttrsTlv = info[i]?.tag === 0xa0 ? info[i++] : undefined;
  const signatureAlgorithm = algorithm(info[i++] as Tlv);
  const signature = value(expectTag(info[i++], 0x04));
  const unsigned = info[i]?.tag === 0xa1 ? info[i] : undefined;
  return {
    signerInfo: {
      sid: info[1] as Tlv,
      digestAlgorithm,
      signedAttrsTlv,
      signedAttrs: attributes(signedAttrsTlv),
      signatureAlgorithm,
      signature,
      unsignedAttrs: attributes(unsigned),
    },
    certificates,
    eContent,
    eContentType: oid(encapType as Tlv),
  };
}
