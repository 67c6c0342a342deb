import type { SignatureDict } from './locate.ts';

/** Algorithms a signer may name that we do not verify, by OID, so the report can say which. */
const NAMES: Readonly<Record<string, string>> = {
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '2.16.840.1.101.3.4.2.17': 'SHAKE128',
  '2.16.840.1.101.3.4.2.18': 'SHAKE256',
  '1.2.643.7.1.1.3.2': 'GOST R 34.10-2012',
  '1.2.156.10197.1.501': 'SM2',
};

/** "Thuật toán: Ed448 (1.3.101.113)." for the algorithms a CMS names. */
export function algorithmVi(signatureOid: string | null, digestOid: string | null): string | undefined {
  const named = [signatureOid, digestOid]
    .filter((oid): oid is string => oid !== null && NAMES[oid] !== undefined)
    .map((oid) => `${NAMES[oid] ?? ''} (${oid})`);
  const shown = named.length > 0 ? named : signatureOid === null ? [] : [signatureOid];
  return shown.length === 0 ? undefined : `Thuật toán: ${shown.join(', ')}.`;
}

/** Which bytes a partial ByteRange leaves unsigned, in words a văn thư can pass on. */
export function uncoveredVi(sig: SignatureDict, fileLength: number): string | undefined {
  const [start1, len1, start2, len2] = sig.byteRange;
  const parts: string[] = [];
  if (start1 > 0) {
    parts.push(`${start1} byte đầu tệp`);
  }
  if (!sig.exactHole && start1 === 0) {
    parts.push(`vùng byte ${start1 + len1}–${start2} rộng hơn chỗ chứa chữ ký`);
  }
  const end = start2 + len2;
  if (end < fileLength && sig.exactHole) {
    parts.push(`phần cuối lần lưu chứa chữ ký (từ byte ${end})`);
  }
  return parts.length === 0 ? undefined : `Không được ký: ${parts.join('; ')}.`;
}
