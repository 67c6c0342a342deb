import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { chooseNumber, leasesOverlap, type LeaseState } from '../../domain/numbering.ts';

export type RegisterKind = 'den' | 'di';

export interface RegisterKey {
  readonly maDinhDanh: string;
  readonly kind: RegisterKind;
  readonly year: number;
  /** Separate series where the rules ask (secret documents, QPPL types); '' for the main one. */
  readonly series?: string;
}

export interface Register extends Required<RegisterKey> {
  readonly id: string;
  readonly quyenSo: number;
}

export interface NumberLease {
  readonly id: string;
  readonly registerId: string;
  readonly firstNumber: number;
  readonly lastNumber: number | null;
  readonly nextNumber: number;
  readonly grantedAt: string;
  /** Cut here when given back (nothing from it on is taken here); null while the block is in use. */
  readonly returnedFrom: number | null;
  /** When the server confirmed the numbers given back. */
  readonly returnedAt: string | null;
}

/** A block cut and not yet confirmed by the server: the numbers from `from` to its end go back. */
export interface LeaseReturn {
  readonly leaseId: string;
  readonly registerId: string;
  readonly from: number;
}

export type TakenNumber =
  | { readonly provisional: false; readonly number: number; readonly leaseId: string }
  | { readonly provisional: true; readonly number: number };

export interface RegisterService {
  /** The register for an organization, kind and year, created on first use. */
  ensure(key: RegisterKey): Register;
  get(id: string): Register | undefined;
  list(maDinhDanh?: string): Register[];
  /**
   * Record a block of numbers granted by the server (sync calls this). `lastNumber` null is an
   * open lease for a register used by one workstation. Overlapping an existing lease is refused.
   */
  addLease(registerId: string, lease: { id?: string; firstNumber: number; lastNumber: number | null }): NumberLease;
  leases(registerId: string): NumberLease[];
  /** Numbers still available offline in the register's leases (Infinity for an open lease). */
  remaining(registerId: string): number;
  /**
   * Take the next number; call inside the transaction that writes the document. Incoming
   * documents may fall back to a provisional number; outgoing ones never do (NUMBER_UNAVAILABLE).
   */
  take(registerId: string, options: { allowProvisional: boolean }): TakenNumber;
  /** The next provisional number, whatever the leases hold: the server gives the final one. */
  takeProvisional(registerId: string): TakenNumber & { provisional: true };
  /**
   * Online again after numbering offline: cut every block of the register that was used, at its
   * next number, in one transaction, and list the cuts the server has not confirmed yet.
   */
  cutUsedLeases(registerId: string): LeaseReturn[];
  /** The server took the numbers back. */
  confirmReturn(leaseId: string): void;
}

interface RegisterRow {
  id: string;
  ma_dinh_danh: string;
  kind: RegisterKind;
  series: string;
  year: number;
  quyen_so: number;
}
interface LeaseRow {
  id: string;
  register_id: string;
  first_number: number;
  last_number: number | null;
  next_number: number;
  granted_at: string;
  returned_from: number | null;
  returned_at: string | null;
}

const toRegister = (r: RegisterRow): Register => ({
  id: r.id,
  maDinhDanh: r.ma_dinh_danh,
  kind: r.kind,
  series: r.series,
  year: r.year,
  quyenSo: r.quyen_so,
});
const toLease = (r: LeaseRow): NumberLease => ({
  id: r.id,
  registerId: r.register_id,
  firstNumber: r.first_number,
  lastNumber: r.last_number,
  nextNumber: r.next_number,
  grantedAt: r.granted_at,
  returnedFrom: r.returned_from,
  returnedAt: r.returned_at,
});

export function createRegisterService(db: Database, clock: () => Date = () => new Date()): RegisterService {
  const byKey = db.prepare(`SELECT * FROM registers WHERE ma_dinh_danh = ? AND kind = ? AND series = ? AND year = ?`);
  const byId = db.prepare(`SELECT * FROM registers WHERE id = ?`);
  const leasesOf = db.prepare(`SELECT * FROM number_leases WHERE register_id = ? ORDER BY first_number`);
  // A block given back is never numbered from again, even before the server confirmed it.
  const usableLeasesOf = db.prepare(
    `SELECT * FROM number_leases WHERE register_id = ? AND returned_from IS NULL ORDER BY first_number`,
  );
  const advance = db.prepare(`UPDATE number_leases SET next_number = next_number + 1 WHERE id = ? AND next_number = ?`);
  // Provisional numbers are per register too, and never reused even after sync replaces them.
  const lastProvisional = db.prepare(
    `SELECT coalesce(max(so_den_tam), 0) AS n FROM incoming_documents WHERE register_id = ? AND so_den_tam IS NOT NULL`,
  );

  const service: RegisterService = {
    ensure(key) {
      const series = key.series ?? '';
      const found = byKey.get(key.maDinhDanh, key.kind, series, key.year) as RegisterRow | undefined;
      if (found !== undefined) {
        return toRegister(found);
      }
      const id = uuidv7();
      db.prepare(`INSERT INTO registers (id, ma_dinh_danh, kind, series, year) VALUES (?, ?, ?, ?, ?)`).run(
        id,
        key.maDinhDanh,
        key.kind,
        series,
        key.year,
      );
      return toRegister(byId.get(id) as RegisterRow);
    },
    get(id) {
      const row = byId.get(id) as RegisterRow | undefined;
      return row === undefined ? undefined : toRegister(row);
    },
    list(maDinhDanh) {
      const rows =
        maDinhDanh === undefined
          ? db.prepare(`SELECT * FROM registers ORDER BY year DESC, kind, series`).all()
          : db
              .prepare(`SELECT * FROM registers WHERE ma_dinh_danh = ? ORDER BY year DESC, kind, series`)
              .all(maDinhDanh);
      return (rows as RegisterRow[]).map(toRegister);
    },
    addLease(registerId, lease) {
      return db.transaction(() => {
        for (const existing of leasesOf.all(registerId) as LeaseRow[]) {
          if (
            leasesOverlap(
              { first: existing.first_number, last: existing.last_number },
              { first: lease.firstNumber, last: lease.lastNumber },
            )
          ) {
            throw new VanthuError('DUPLICATE', errorMessageVi('DUPLICATE', '(khối số cấp trùng khối đã có)'), {
              details: { registerId, leaseId: existing.id },
            });
          }
        }
        const id = lease.id ?? uuidv7();
        db.prepare(
          `INSERT INTO number_leases (id, register_id, first_number, last_number, next_number, granted_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(id, registerId, lease.firstNumber, lease.lastNumber, lease.firstNumber, clock().toISOString());
        return toLease(db.prepare(`SELECT * FROM number_leases WHERE id = ?`).get(id) as LeaseRow);
      })();
    },
    leases(registerId) {
      return (leasesOf.all(registerId) as LeaseRow[]).map(toLease);
    },
    remaining(registerId) {
      let total = 0;
      for (const l of usableLeasesOf.all(registerId) as LeaseRow[]) {
        total += l.last_number === null ? Number.POSITIVE_INFINITY : Math.max(0, l.last_number - l.next_number + 1);
      }
      return total;
    },
    take(registerId, options) {
      const leases: LeaseState[] = (usableLeasesOf.all(registerId) as LeaseRow[]).map((l) => ({
        id: l.id,
        firstNumber: l.first_number,
        lastNumber: l.last_number,
        nextNumber: l.next_number,
      }));
      const choice = chooseNumber(leases, {
        allowProvisional: options.allowProvisional,
        lastProvisional: (lastProvisional.get(registerId) as { n: number }).n,
      });
      if (choice.kind === 'unavailable') {
        throw new VanthuError('NUMBER_UNAVAILABLE', errorMessageVi('NUMBER_UNAVAILABLE'), {
          retryable: true,
          details: { registerId },
        });
      }
      if (choice.kind === 'provisional') {
        return { provisional: true, number: choice.number };
      }
      // Guarded update: if another writer moved the lease on, fail rather than hand out a number twice.
      if (advance.run(choice.leaseId, choice.number).changes !== 1) {
        throw new VanthuError('DB_BUSY', errorMessageVi('DB_BUSY'), { retryable: true });
      }
      return { provisional: false, number: choice.number, leaseId: choice.leaseId };
    },
    takeProvisional(registerId) {
      return { provisional: true, number: (lastProvisional.get(registerId) as { n: number }).n + 1 };
    },
    cutUsedLeases(registerId) {
      return db.transaction(() => {
        // Used offline and not exhausted: the rest goes back (an open lease is one workstation's own).
        db.prepare(
          `UPDATE number_leases SET returned_from = next_number
           WHERE register_id = ? AND returned_from IS NULL AND last_number IS NOT NULL
             AND next_number > first_number AND next_number <= last_number`,
        ).run(registerId);
        return (
          db
            .prepare(
              `SELECT id, returned_from FROM number_leases
               WHERE register_id = ? AND returned_from IS NOT NULL AND returned_at IS NULL ORDER BY first_number`,
            )
            .all(registerId) as { id: string; returned_from: number }[]
        ).map((row) => ({ leaseId: row.id, registerId, from: row.returned_from }));
      })();
    },
    confirmReturn(leaseId) {
      db.prepare(`UPDATE number_leases SET returned_at = ? WHERE id = ? AND returned_at IS NULL`).run(
        clock().toISOString(),
        leaseId,
      );
    },
  };
  return service;
}
