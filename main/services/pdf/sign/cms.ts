import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from '../signer.ts';
import { parsedCertificate } from './certificate-facts.ts';

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

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS signingCertificateV2: binds the signer's certificate into the signed attributes (PAdES). */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(certDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  // hashAlgorithm is omitted: SHA-256 is the DEFAULT and DER forbids encoding defaults.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return a.length - b.length;
}

/**
 * A detached CMS SignedData in PAdES B-B form: contentType, messageDigest and
 * signingCertificateV2 signed, no signingTime (the time is the dictionary's /M), certificates
 * signer + chain. With a timestamp source, adds signatureTimeStampToken (B-T).
 */
export async function buildCms(input: CmsInput): Promise<Uint8Array> {
  const { signer } = input;
  const cert = parsedCertificate(signer.certificate);
  const chainDer = uniqueDer([...signer.chain, ...(input.extraCertificates ?? [])], signer.certificate);

  // SET OF must be DER-sorted by encoding; the token signs exactly these bytes.
  const attributes = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(input.digest) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer.certificate, cert)),
  ]
    .map((attr) => ({ attr, der: new Uint8Array(attr.toSchema().toBER(false)) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map(({ attr }) => attr);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31; // [0] IMPLICIT → SET, as RFC 5652 §5.4 requires for the signature input.

  const signature = await signer.sign(toSign);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      signer.algorithm === 'rsa-pkcs1-sha256'
        ? { algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }
        : { algorithmId: OID.ecdsaWithSha256 },
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  if (input.timestamp !== undefined) {
    const token = await input.timestamp(signature);
    const parsed = asn1js.fromBER(toArrayBuffer(token));
    if (parsed.offset === -1) {
      throw new Error('timestamp token is not DER');
    }
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.signatureTimeStampToken, parsed.result)],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    signerInfos: [signerInfo],
  });
  // The certificates go in as the DER they came as, spliced into the SignedData: encoding them
  // again through pkijs for every file was half of the CMS's cost in a batch (issue #15), and the
  // bytes are the same (the certificates are DER already; tests/integration/sign/cms-encoding.test.ts).
  const [version, digestAlgorithms, encapContentInfo, signerInfos] = signedData.toSchema(true).valueBlock.value;
  if (
    version === undefined ||
    digestAlgorithms === undefined ||
    encapContentInfo === undefined ||
    signerInfos === undefined
  ) {
    throw new Error('SignedData without its four parts');
  }
  const ber = (block: asn1js.AsnType): Uint8Array => new Uint8Array(block.toBER(false));
  const body = derTlv(0x30, [
    ber(version),
    ber(digestAlgorithms),
    ber(encapContentInfo),
    derTlv(0xa0, [signer.certificate, ...chainDer]),
    ber(signerInfos),
  ]);
  // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }
  return derTlv(0x30, [ber(new asn1js.ObjectIdentifier({ value: OID.signedData })), derTlv(0xa0, [body])]);
}

/** One DER element: tag, definite length, the parts' bytes. */
function derTlv(tag: number, parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.byteLength, 0);
  const lengthBytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) {
    lengthBytes.unshift(n & 0xff);
  }
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  return new Uint8Array(Buffer.concat([Uint8Array.from(header), ...parts]));
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
