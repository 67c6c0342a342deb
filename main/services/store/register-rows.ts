import type { Database } from 'better-sqlite3';
import { formatProvisional, formatSo, formatSoKyHieu } from '../../domain/so-ky-hieu.ts';
import { displayDate } from '../../domain/vietnam-time.ts';
import { unusedNumbers, type UnusedNumber } from './renumberings.ts';
import type { RegisterKind } from './register-service.ts';

export interface RegisterColumn {
  readonly title: string;
  /** Share of the table width. */
  readonly weight: number;
}

export interface PrintableRegister {
  readonly kind: RegisterKind;
  readonly year: number;
  readonly coQuanChuQuan: string;
  readonly tenCoQuan: string;
  readonly quyenSo: number;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly fromSo: string | null;
  readonly toSo: string | null;
  readonly columns: readonly RegisterColumn[];
  readonly rows: readonly (readonly string[])[];
}

export interface RegisterRange {
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly fromSo?: number;
  readonly toSo?: number;
}

/** Phụ lục IV columns of the Sổ đăng ký văn bản đến [ND30-PL4]. */
export const INCOMING_COLUMNS: readonly RegisterColumn[] = [
  { title: 'Ngày đến', weight: 7 },
  { title: 'Số đến', weight: 5 },
  { title: 'Tác giả', weight: 13 },
  { title: 'Số, ký hiệu văn bản', weight: 10 },
  { title: 'Ngày tháng văn bản', weight: 7 },
  { title: 'Tên loại và trích yếu nội dung', weight: 24 },
  { title: 'Đơn vị hoặc người nhận', weight: 11 },
  { title: 'Ngày chuyển', weight: 7 },
  { title: 'Ký nhận', weight: 7 },
  { title: 'Ghi chú', weight: 9 },
];

/** Phụ lục IV columns of the Sổ đăng ký văn bản đi [ND30-PL4]. */
export const OUTGOING_COLUMNS: readonly RegisterColumn[] = [
  { title: 'Số, ký hiệu văn bản', weight: 10 },
  { title: 'Ngày tháng văn bản', weight: 7 },
  { title: 'Tên loại và trích yếu nội dung', weight: 24 },
  { title: 'Người ký', weight: 11 },
  { title: 'Nơi nhận văn bản', weight: 14 },
  { title: 'Đơn vị, người nhận bản lưu', weight: 10 },
  { title: 'Số lượng bản', weight: 5 },
  { title: 'Ngày chuyển', weight: 7 },
  { title: 'Ký nhận', weight: 6 },
  { title: 'Ghi chú', weight: 6 },
];

interface IncomingPrintRow {
  ngay_den: string;
  so_den: number | null;
  so_den_tam: number | null;
  co_quan_ban_hanh: string;
  so: string;
  ky_hieu: string;
  ngay_ban_hanh: string;
  ten_loai: string;
  trich_yeu: string;
  noi_nhan: string;
  ghi_chu: string;
  state: string;
}

interface OutgoingPrintRow {
  so: number;
  ky_hieu: string;
  ngay_ban_hanh: string | null;
  ten_loai: string;
  trich_yeu: string;
  chuc_vu: string;
  nguoi_ky: string;
  noi_nhan: string | null;
  noi_luu: string;
  so_luong_ban: number;
  ghi_chu: string;
}

function rangeWhere(
  numberColumn: string,
  dateColumn: string,
  range: RegisterRange,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (range.fromDate !== undefined) {
    parts.push(`${dateColumn} >= ?`);
    params.push(range.fromDate);
  }
  if (range.toDate !== undefined) {
    parts.push(`${dateColumn} <= ?`);
    params.push(range.toDate);
  }
  if (range.fromSo !== undefined) {
    parts.push(`${numberColumn} >= ?`);
    params.push(range.fromSo);
  }
  if (range.toSo !== undefined) {
    parts.push(`${numberColumn} <= ?`);
    params.push(range.toSo);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * A number this workstation took and gave up because the organization had registered the document
 * elsewhere first: printed on its own line (numbers are never reused), pointing at the entry that
 * counts, so the register stays consecutive and the document appears in it once.
 */
function unusedRow(unused: UnusedNumber | { so: number; ngayDen: string; soDen: null }): string[] {
  return [
    displayDate(unused.ngayDen),
    formatSo(unused.so),
    '',
    '',
    '',
    'Số đến không sử dụng',
    '',
    '',
    '',
    unused.soDen === null
      ? 'Văn bản đã trả lại nơi gửi'
      : `Văn bản đã được đăng ký ở máy khác với số đến ${formatSo(unused.soDen)}/${unused.year}`,
  ];
}

/**
 * The rows of one register for printing, in number order, with numbers given up shown as such.
 * Incoming documents still holding a provisional number are printed after the final ones, marked
 * T-…, so the paper copy is honest.
 */
export function loadPrintableRegister(
  db: Database,
  register: { id: string; kind: RegisterKind; year: number; quyenSo: number; maDinhDanh: string },
  range: RegisterRange = {},
): PrintableRegister {
  const org = db
    .prepare(`SELECT ten, co_quan_chu_quan FROM organizations WHERE ma_dinh_danh = ?`)
    .get(register.maDinhDanh) as { ten: string; co_quan_chu_quan: string } | undefined;
  let rows: string[][];
  let numbers: number[];
  let dates: string[];
  if (register.kind === 'den') {
    const where = rangeWhere('coalesce(so_den, 0)', 'ngay_den', range);
    const all = db
      .prepare(
        `SELECT * FROM incoming_documents
         WHERE register_id = ? AND (so_den IS NOT NULL OR so_den_tam IS NOT NULL)${where.sql}
         ORDER BY so_den IS NULL, so_den, so_den_tam`,
      )
      .all(register.id, ...where.params) as IncomingPrintRow[];
    // A returned document is not in the sổ; a final number it held is printed as unused (never reused).
    const returned = all.filter((d) => d.state === 'tra-lai');
    const data = all.filter((d) => d.state !== 'tra-lai');
    const documentRows = data.map((d) => [
      displayDate(d.ngay_den),
      d.so_den === null ? formatProvisional(d.so_den_tam ?? 0) : formatSo(d.so_den),
      d.co_quan_ban_hanh,
      formatSoKyHieu(d.so, d.ky_hieu),
      displayDate(d.ngay_ban_hanh),
      `${d.ten_loai}: ${d.trich_yeu}`,
      d.noi_nhan,
      '',
      '',
      d.ghi_chu,
    ]);
    const unused = [
      ...unusedNumbers(db, register.id, range),
      ...returned.flatMap((d) => (d.so_den === null ? [] : [{ so: d.so_den, ngayDen: d.ngay_den, soDen: null }])),
    ];
    // Merge by number: final numbers (documents and unused ones) in order, provisional ones last.
    const ordered = [
      ...data.map((d, i) => ({ so: d.so_den ?? Number.POSITIVE_INFINITY, row: documentRows[i] ?? [] })),
      ...unused.map((u) => ({ so: u.so, row: unusedRow(u) })),
    ].sort((a, b) => a.so - b.so);
    rows = ordered.map((entry) => entry.row);
    numbers = [...data.flatMap((d) => (d.so_den === null ? [] : [d.so_den])), ...unused.map((u) => u.so)];
    dates = [...data.map((d) => d.ngay_den), ...unused.map((u) => u.ngayDen)];
  } else {
    const where = rangeWhere('so', 'ngay_ban_hanh', range);
    const data = db
      .prepare(
        `SELECT d.*, (SELECT group_concat(r.ten, '; ') FROM outgoing_recipients r WHERE r.document_id = d.id) AS noi_nhan
         FROM outgoing_documents d WHERE register_id = ? AND so IS NOT NULL${where.sql} ORDER BY so`,
      )
      .all(register.id, ...where.params) as OutgoingPrintRow[];
    rows = data.map((d) => [
      formatSoKyHieu(d.so, d.ky_hieu),
      d.ngay_ban_hanh === null ? '' : displayDate(d.ngay_ban_hanh),
      `${d.ten_loai}: ${d.trich_yeu}`,
      [d.chuc_vu, d.nguoi_ky].filter((s) => s !== '').join(' '),
      d.noi_nhan ?? '',
      d.noi_luu,
      String(d.so_luong_ban),
      '',
      '',
      d.ghi_chu,
    ]);
    numbers = data.map((d) => d.so);
    dates = data.flatMap((d) => (d.ngay_ban_hanh === null ? [] : [d.ngay_ban_hanh]));
  }
  const sortedDates = [...dates].sort();
  return {
    kind: register.kind,
    year: register.year,
    coQuanChuQuan: org?.co_quan_chu_quan ?? '',
    tenCoQuan: org?.ten ?? register.maDinhDanh,
    quyenSo: register.quyenSo,
    fromDate: range.fromDate ?? sortedDates[0] ?? null,
    toDate: range.toDate ?? sortedDates[sortedDates.length - 1] ?? null,
    fromSo: numbers.length === 0 ? null : formatSo(numbers.reduce((a, b) => Math.min(a, b))),
    toSo: numbers.length === 0 ? null : formatSo(numbers.reduce((a, b) => Math.max(a, b))),
    columns: register.kind === 'den' ? INCOMING_COLUMNS : OUTGOING_COLUMNS,
    rows,
  };
}
