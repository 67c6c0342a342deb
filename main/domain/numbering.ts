/**
 * Numbering per register and calendar year: from 01 on 1 January, consecutive, never reused.
 * The store holds leases (blocks granted by the server); this picks the next number from them.
 */
export interface LeaseState {
  readonly id: string;
  readonly firstNumber: number;
  /** Null: an open lease (a register used by a single workstation). */
  readonly lastNumber: number | null;
  readonly nextNumber: number;
}

export type NumberChoice =
  | { readonly kind: 'final'; readonly leaseId: string; readonly number: number }
  | { readonly kind: 'provisional'; readonly number: number }
  | { readonly kind: 'unavailable' };

/** Use the lowest lease that still has numbers, so numbers are handed out in order. */
export function chooseNumber(
  leases: readonly LeaseState[],
  options: { readonly allowProvisional: boolean; readonly lastProvisional: number },
): NumberChoice {
  const usable = leases
    .filter((l) => l.lastNumber === null || l.nextNumber <= l.lastNumber)
    .sort((a, b) => a.firstNumber - b.firstNumber);
  const lease = usable[0];
  if (lease !== undefined) {
    return { kind: 'final', leaseId: lease.id, number: lease.nextNumber };
  }
  return options.allowProvisional
    ? { kind: 'provisional', number: options.lastProvisional + 1 }
    : { kind: 'unavailable' };
}

export function leasesOverlap(
  a: { first: number; last: number | null },
  b: { first: number; last: number | null },
): boolean {
  const aLast = a.last ?? Number.POSITIVE_INFINITY;
  const bLast = b.last ?? Number.POSITIVE_INFINITY;
  return a.first <= bLast && b.first <= aLast;
}

/**
 * A number the server gave a register at the moment of a registration or cấp số (online numbering,
 * in order of receipt across the organization); the leased blocks serve only offline.
 */
export interface ServerNumber {
  readonly year: number;
  readonly number: number;
}
