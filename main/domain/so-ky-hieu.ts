/**
 * Số and ký hiệu of a document: numbers below 10 are written with a leading zero (01…09)
 * [ND30-PL1 I.II.3.c]; the ký hiệu is the abbreviation of the type and the issuing body, e.g.
 * "QĐ-UBND". Together: "15/QĐ-UBND".
 */
export function formatSo(so: number): string {
  return so < 10 ? `0${so}` : String(so);
}

export function formatSoKyHieu(so: number | string, kyHieu: string): string {
  const number = typeof so === 'number' ? formatSo(so) : so;
  return kyHieu === '' ? number : `${number}/${kyHieu}`;
}

export function parseSoKyHieu(text: string): { so: string; kyHieu: string } | null {
  const match = /^\s*(\d{1,11})\s*\/\s*([\p{L}\p{N}.&-]{1,30})\s*$/u.exec(text);
  return match === null ? null : { so: match[1] ?? '', kyHieu: match[2] ?? '' };
}

/** A provisional số đến is marked so nobody mistakes it for a final one: "T-07". */
export function formatProvisional(soDenTam: number): string {
  return `T-${formatSo(soDenTam)}`;
}
