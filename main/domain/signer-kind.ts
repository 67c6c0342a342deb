/**
 * Personal or organization signature, from the signer's certificate profile as Vietnamese CAs
 * issue them: a person's certificate carries UID CMND/CCCD/HC (an identity document), an
 * organization's carries UID MST (tax code) and a CN equal to its O. Pure: the subject string is
 * the verifier's (RFC 4514-like, UID by name or by OID 0.9.2342.19200300.100.1.1).
 */
export type SignerKind = 'personal' | 'organization' | 'unknown';

export interface SignerKindDecision {
  readonly kind: SignerKind;
  /** What decided it, in Vietnamese, for the clerk. */
  readonly basis: string;
}

const UID = /(?:^|[,+]\s*)(?:UID|0\.9\.2342\.19200300\.100\.1\.1)\s*=\s*(CMND|CCCD|HC|MST)\s*:/giu;

export function signerKind(subject: string, commonName: string, organization: string): SignerKindDecision {
  const kinds = new Set([...subject.matchAll(UID)].map((m) => (m[1] ?? '').toUpperCase()));
  if (kinds.has('CMND') || kinds.has('CCCD') || kinds.has('HC')) {
    return { kind: 'personal', basis: 'chứng thư số cá nhân (có số định danh cá nhân)' };
  }
  if (kinds.has('MST')) {
    return { kind: 'organization', basis: 'chứng thư số của cơ quan, tổ chức (có mã số thuế)' };
  }
  if (organization !== '' && organization.localeCompare(commonName, 'vi', { sensitivity: 'base' }) === 0) {
    return { kind: 'organization', basis: 'chứng thư số mang tên cơ quan, tổ chức' };
  }
  if (commonName !== '' && organization === '') {
    return { kind: 'personal', basis: 'chứng thư số mang tên cá nhân' };
  }
  return { kind: 'unknown', basis: 'không xác định được từ chứng thư số' };
}

/** Two organization names are the same when they differ only in case, accents' forms or spacing. */
export function sameOrganization(a: string, b: string): boolean {
  const fold = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return fold(a).localeCompare(fold(b), 'vi', { sensitivity: 'accent' }) === 0;
}
