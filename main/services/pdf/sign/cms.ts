import { createHash } from 'node:crypto';
import type { Signer } from '../signer.ts';
import { children, parseDer, raw, type Tlv } from '../verify/der.ts';
import { derNull, objectIdentifier, octetString, sequence, setOf, smallInteger, tlv } from './der-write.ts';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** Fetches an RFC 3161 token (a CMS ContentInfo, DER) over the given signature value. */
export type TimestampSource = (signatureValue: Uint8Array) => Promise<Uint8Array>;

export interface CmsInput {
  /** SHA-256 of the signed byte ranges. */
  readonly digest: Uint8Array;
  readonly signer: Signer;
  /** When given, the result is PAdES B-T (signature time-stamp as an unsigned attribute). */
  readonly timestamp?: TimestampSource;
  /** Issuer certificates (DER) to embed besides the signer's own chain, e.g. when the token holds only the leaf. */
  readonly extraCertificates?: readonly Uint8Array[];
}

/** The issuer Name and serialNumber INTEGER of a certificate, as encoded in it. */
function issuerAndSerial(certDer: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const [tbs] = children(parseDer(certDer));
  const fields = children(tbs as Tlv);
  // tbsCertificate: [0] version?, serialNumber, signature, issuer, …
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (serial?.tag !== 0x02 || issuer?.tag !== 0x30) {
    throw new Error('certificate without issuer or serial number');
  }
  return { issuer: raw(issuer), serial: raw(serial) };
}

function attribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(objectIdentifier(type), setOf([value]));
}

/** ESS signingCertificateV2: binds the signer's certificate into the signed attributes (PAdES). */
function signingCertificateV2(certDer: Uint8Array, issuer: Uint8Array, serial: Uint8Array): Uint8Array {
  const certHash = createHash('sha256').update(certDer).digest();
  // IssuerSerial: GeneralNames holding the issuer as a directoryName ([4] EXPLICIT Name).
  const issuerSerial = sequence(sequence(tlv(0xa4, issuer)), serial);
  // hashAlgorithm is omitted: SHA-256 is the DEFAULT and DER forbids encoding defaults.
  return sequence(sequence(sequence(octetString(certHash), issuerSerial)));
}

/**
 * A detached CMS SignedData in PAdES B-B form: contentType, messageDigest and
 * signingCertificateV2 signed, no signingTime (the time is the dictionary's /M), certificates
 * signer + chain. With a timestamp source, adds signatureTimeStampToken (B-T). Written with a
 * small DER writer (der-write.ts): loading pkijs was a good part of a cold `vanthu sign`.
 */
export async function buildCms(input: CmsInput): Promise<Uint8Array> {
  const { signer } = input;
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  const chain = uniqueDer([...signer.chain, ...(input.extraCertificates ?? [])], signer.certificate);
  const sha256 = sequence(objectIdentifier(OID.sha256));

  // SET OF is DER-sorted by encoding; the token signs exactly these bytes.
  const attributes = [
    attribute(OID.contentType, objectIdentifier(OID.data)),
    attribute(OID.messageDigest, octetString(input.digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer.certificate, issuer, serial)),
  ];
  const toSign = setOf(attributes); // SET, as RFC 5652 §5.4 requires for the signature input
  const signature = await signer.sign(toSign);
  const signedAttrs = Uint8Array.from(toSign);
  signedAttrs[0] = 0xa0; // …and [0] IMPLICIT in the SignerInfo.

  const signerInfo = [
    smallInteger(1),
    sequence(issuer, serial),
    sha256,
    signedAttrs,
    signer.algorithm === 'rsa-pkcs1-sha256'
      ? sequence(objectIdentifier(OID.rsaEncryption), derNull())
      : sequence(objectIdentifier(OID.ecdsaWithSha256)),
    octetString(signature),
  ];
  if (input.timestamp !== undefined) {
    const token = await input.timestamp(signature);
    let whole: boolean;
    try {
      whole = parseDer(token).end === token.length;
    } catch {
      whole = false;
    }
    if (!whole) {
      throw new Error('timestamp token is not DER');
    }
    signerInfo.push(setOf([attribute(OID.signatureTimeStampToken, token)], 0xa1));
  }

  const signedData = sequence(
    smallInteger(1),
    setOf([sha256]),
    sequence(objectIdentifier(OID.data)),
    // [0] IMPLICIT certificates, in this order (signer first), as before.
    tlv(0xa0, signer.certificate, ...chain),
    setOf([sequence(...signerInfo)]),
  );
  return sequence(objectIdentifier(OID.signedData), tlv(0xa0, signedData));
}

function uniqueDer(certs: readonly Uint8Array[], signerCert: Uint8Array): Uint8Array[] {
  const seen = new Set<string>([Buffer.from(signerCert).toString('base64')]);
  return certs.filter((der) => {
    const key = Buffer.from(der).toString('base64');
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
