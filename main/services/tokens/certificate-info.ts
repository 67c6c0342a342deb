import { createHash, X509Certificate } from 'node:crypto';
import type { CertificateInfo, SignerRole } from '../../../preload/contract/tokens.ts';
import { certDer, extendedKeyUsage } from '../pdf/verify/cert-der.ts';
import { formatName, readName, type NameAttribute } from '../pdf/verify/cert-name.ts';
import { algorithm, children, parseDer, time, value, type Tlv } from '../pdf/verify/der.ts';

const UID_OID = '0.9.2342.19200300.100.1.1';
const CN_OID = '2.5.4.3';
const O_OID = '2.5.4.10';
const KEY_USAGE_OID = '2.5.29.15';

type Identifier = CertificateInfo['identifiers'][number];

// Vietnamese CAs write the holder's number into UID as "<KIND>:<number>".
const IDENTIFIER_NAMES: Record<Identifier['kind'], string> = {
  CMND: 'Chứng minh nhân dân',
  CCCD: 'Căn cước công dân',
  MST: 'Mã số thuế',
  HC: 'Hộ chiếu',
  KHAC: 'Mã định danh',
};

// The KeyUsage BIT STRING's named bits (RFC 5280 §4.2.1.3), bit 0 first; decipherOnly and
// encipherOnly were never shown, so they stay out.
const KEY_USAGE_NAMES: readonly string[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

export function parseIdentifier(uid: string): Identifier {
  const match = /^\s*([A-Za-z]+)\s*[:=]\s*(.+)$/.exec(uid);
  const kind = match?.[1]?.toUpperCase();
  const known = kind === 'CMND' || kind === 'CCCD' || kind === 'MST' || kind === 'HC' ? kind : undefined;
  if (match === null || known === undefined) {
    return { kind: 'KHAC', name: IDENTIFIER_NAMES.KHAC, value: uid.trim() };
  }
  return { kind: known, name: IDENTIFIER_NAMES[known], value: (match[2] ?? '').trim() };
}

/**
 * Personal or organization certificate, guessed from the subject. Vietnamese CAs mark
 * organization certificates with UID "MST:…" and a CN equal to the O; personal ones carry
 * CMND/CCCD/HC. The user can override the guess in settings.
 */
export function guessRole(identifiers: readonly Identifier[], commonName: string, organization?: string): SignerRole {
  if (identifiers.some((i) => i.kind === 'CMND' || i.kind === 'CCCD' || i.kind === 'HC')) {
    return 'personal';
  }
  if (identifiers.some((i) => i.kind === 'MST')) {
    return 'organization';
  }
  return organization !== undefined && organization === commonName ? 'organization' : 'personal';
}

/** Every value of one attribute type, in the certificate's order. */
function fields(rdns: readonly (readonly NameAttribute[])[], attributeOid: string): string[] {
  return rdns.flatMap((rdn) => rdn.filter((a) => a.oid === attributeOid && a.text !== null).map((a) => a.text ?? ''));
}

/** Named bits set in the KeyUsage BIT STRING (first content octet: unused bits; then bit 0 = 0x80). */
function keyUsage(extension: Uint8Array | undefined): string[] {
  if (extension === undefined) {
    return [];
  }
  const bits = value(parseDer(extension)).subarray(1);
  return KEY_USAGE_NAMES.filter((_, bit) => (((bits[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) === 1);
}

// SubjectPublicKeyInfo algorithms: rsaEncryption, RSASSA-PSS, id-ecPublicKey.
const KEY_ALGORITHMS: Readonly<Record<string, CertificateInfo['keyAlgorithm']>> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa',
  '1.2.840.10045.2.1': 'ec',
};

/** tbsCertificate's validity and public key algorithm, which cert-der.ts does not keep. */
function validityAndKey(der: Uint8Array): { notBefore: Date; notAfter: Date; keyOid: string } {
  const fieldsOfTbs = children(children(parseDer(der))[0] as Tlv);
  // [0] version?, serial, signature, issuer, validity, subject, spki, …
  const offset = fieldsOfTbs[0]?.tag === 0xa0 ? 1 : 0;
  const [notBefore, notAfter] = children(fieldsOfTbs[offset + 3] as Tlv);
  const [spkiAlgorithm] = children(fieldsOfTbs[offset + 5] as Tlv);
  return {
    notBefore: time(notBefore as Tlv),
    notAfter: time(notAfter as Tlv),
    keyOid: algorithm(spkiAlgorithm as Tlv).oid,
  };
}

/**
 * What the token list and pre-flight show about one certificate; UID is named, not an OID. Read
 * with the verifier's DER reader: an X.509 object library was most of the token worker's bundle,
 * heap and start-up in a one-signature process (issue #14). Node's parser still vets the DER, so a
 * malformed certificate throws as before and discovery leaves it out.
 */
export function certificateInfo(der: Uint8Array, keyIdHex: string, keyObjectFound: boolean): CertificateInfo {
  const cert = new X509Certificate(der);
  const parts = certDer(cert);
  const subjectName = readName(parseDer(parts.subject));
  const issuerName = readName(parseDer(parts.issuer));
  const identifiers = fields(subjectName, UID_OID).map(parseIdentifier);
  const commonName = fields(subjectName, CN_OID)[0] ?? '';
  const organization = fields(subjectName, O_OID)[0];
  const { notBefore, notAfter, keyOid } = validityAndKey(der);
  return {
    keyIdHex,
    subject: formatName(subjectName).replaceAll(`${UID_OID}=`, 'UID='),
    commonName,
    ...(organization === undefined ? {} : { organization }),
    issuer: formatName(issuerName).replaceAll(`${UID_OID}=`, 'UID='),
    issuerCommonName: fields(issuerName, CN_OID)[0] ?? '',
    serialNumber: parts.serialHex,
    identifiers,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    keyUsage: keyUsage(parts.extensions.get(KEY_USAGE_OID)?.value),
    extKeyUsage: extendedKeyUsage(cert)?.oids ?? [],
    keyAlgorithm: KEY_ALGORITHMS[keyOid] ?? 'other',
    keyObjectFound,
    roleGuess: guessRole(identifiers, commonName, organization),
    roleOverridden: false,
    sha256Hex: createHash('sha256').update(der).digest('hex'),
  };
}
