import type { Database } from 'better-sqlite3';
import type { RenumberingNotice } from '../../../preload/contract/sync.ts';
import { formatSoKyHieu } from '../../domain/so-ky-hieu.ts';

interface RenumberingRow {
  seq: number;
  incoming_id: string;
  so: string;
  ky_hieu: string;
  trich_yeu: string;
  so_den: number;
  year: number;
  so_den_cu: number | null;
  so_den_tam_cu: number | null;
  state: string;
  via: 'inbox' | 'conflict';
  at: string;
}

/** The latest documents renumbered after the organization registered them elsewhere, newest first. */
export function listRenumberings(db: Database, limit = 20): RenumberingNotice[] {
  const rows = db
    .prepare(
      `SELECT r.seq, r.incoming_id, d.so, d.ky_hieu, d.trich_yeu, r.so_den, r.year, r.so_den_cu, r.so_den_tam_cu,
         r.state, r.via, r.at
       FROM incoming_renumberings r JOIN incoming_documents d ON d.id = r.incoming_id
       ORDER BY r.seq DESC LIMIT ?`,
    )
    .all(limit) as RenumberingRow[];
  return rows.map((r) => ({
    seq: r.seq,
    documentId: r.incoming_id,
    soKyHieu: formatSoKyHieu(r.so, r.ky_hieu),
    trichYeu: r.trich_yeu,
    soDen: r.so_den,
    year: r.year,
    soDenCu: r.so_den_cu,
    soDenTamCu: r.so_den_tam_cu,
    state: r.state,
    via: r.via,
    at: r.at,
  }));
}

export interface UnusedNumber {
  readonly so: number;
  /** The ngày đến the number was taken on. */
  readonly ngayDen: string;
  /** The số đến the document holds instead, and its year. */
  readonly soDen: number;
  readonly year: number;
}

/** Numbers of a register given up because the document was registered elsewhere first. */
export function unusedNumbers(
  db: Database,
  registerId: string,
  range: { fromDate?: string; toDate?: string; fromSo?: number; toSo?: number } = {},
): UnusedNumber[] {
  return db
    .prepare(
      `SELECT so_den_cu AS so, ngay_den_cu AS ngayDen, so_den AS soDen, year FROM incoming_renumberings
       WHERE register_id = @registerId AND so_den_cu IS NOT NULL
         AND (@fromDate IS NULL OR ngay_den_cu >= @fromDate) AND (@toDate IS NULL OR ngay_den_cu <= @toDate)
         AND (@fromSo IS NULL OR so_den_cu >= @fromSo) AND (@toSo IS NULL OR so_den_cu <= @toSo)
       ORDER BY so_den_cu`,
    )
    .all({
      registerId,
      fromDate: range.fromDate ?? null,
      toDate: range.toDate ?? null,
      fromSo: range.fromSo ?? null,
      toSo: range.toSo ?? null,
    }) as UnusedNumber[];
}
