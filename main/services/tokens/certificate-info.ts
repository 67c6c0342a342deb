import 'reflect-metadata';
import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { CertificateInfo, SignerRole } from '../../../preload/contract/tokens.ts';

const UID_OID = '0.9.2342.19200300.100.1.1';

type Identifier = CertificateInfo['identifiers'][number];

// Vietnamese CAs write the holder's number into UID as "<KIND>:<number>".
const IDENTIFIER_NAMES: Record<Identifier['kind'], string> = {
  CMND: 'Chứng minh nhân dân',
  CCCD: 'Căn cước công dân',
  MST: 'Mã số thuế',
  HC: 'Hộ chiếu',
  KHAC: 'Mã định danh',
};

const KEY_USAGE_NAMES: ReadonlyArray<readonly [number, string]> = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
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

function field(name: x509.Name, key: string): string | undefined {
  return name.getField(key)[0];
}

function keyAlgorithm(cert: x509.X509Certificate): CertificateInfo['keyAlgorithm'] {
  const algorithmName = cert.publicKey.algorithm.name;
  if (algorithmName === 'RSASSA-PKCS1-v1_5' || algorithmName === 'RSA-PSS') {
    return 'rsa';
  }
  return algorithmName === 'ECDSA' ? 'ec' : 'other';
}

/** What the token list and pre-flight show about one certificate; UID is named, not an OID. */
export function certificateInfo(der: Uint8Array, keyIdHex: string, keyObjectFound: boolean): CertificateInfo {
  const cert = new x509.X509Certificate(der);
  const identifiers = cert.subjectName.getField(UID_OID).map(parseIdentifier);
  const commonName = field(cert.subjectName, 'CN') ?? '';
  const organization = field(cert.subjectName, 'O');
  const usage = cert.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [];
  return {
    keyIdHex,
    subject: cert.subject.replaceAll(`${UID_OID}=`, 'UID='),
    commonName,
    ...(organization === undefined ? {} : { organization }),
    issuer: cert.issuer.replaceAll(`${UID_OID}=`, 'UID='),
    issuerCommonName: field(cert.issuerName, 'CN') ?? '',
    serialNumber: cert.serialNumber,
    identifiers,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyUsage: KEY_USAGE_NAMES.filter(([flag]) => (usage & flag) !== 0).map(([, n]) => n),
    extKeyUsage: eku.map(String),
    keyAlgorithm: keyAlgorithm(cert),
    keyObjectFound,
    roleGuess: guessRole(identifiers, commonName, organization),
    roleOverridden: false,
    sha256Hex: createHash('sha256').update(der).digest('hex'),
  };
}
