import { ArrivalCheckSchema, type ArrivalCheck } from '../../../preload/contract/arrival-check.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { formatProvisional, formatSo } from '../../domain/so-ky-hieu.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { dueOfRow } from './due-rows.ts';
import type { StoreContext } from './store-context.ts';

export interface IncomingRow {
  doc_no: number;
  id: string;
  register_id: string;
  so_den: number | null;
  so_den_tam: number | null;
  ngay_den: string;
  ma_dinh_danh_van_ban: string | null;
  ma_ho_so: string | null;
  ten_loai: string;
  so: string;
  ky_hieu: string;
  ngay_ban_hanh: string;
  co_quan_ban_hanh: string;
  ma_co_quan_ban_hanh: string | null;
  trich_yeu: string;
  ngon_ngu: string;
  so_trang: number | null;
  ghi_chu: string;
  chuc_vu: string;
  nguoi_ky: string;
  do_khan: number;
  do_mat: number;
  noi_nhan: string;
  y_kien: string;
  han_xu_ly: string | null;
  source: IncomingDocument['source'];
  state: IncomingDocument['state'];
  file_sha256: string | null;
  file_name: string | null;
  arrival_check: string | null;
  file_removed_at: string | null;
  created_at: string;
  updated_at: string;
  due_rule?: string | null;
  due_at?: string | null;
  due_immediate?: number;
  tra_loi_cho?: string | null;
}

export function soDenHienThi(row: Pick<IncomingRow, 'so_den' | 'so_den_tam'>): string {
  if (row.so_den !== null) {
    return formatSo(row.so_den);
  }
  // An arrival not yet received has no number: it is not in the sổ.
  return row.so_den_tam === null ? '' : formatProvisional(row.so_den_tam);
}

/** A stored check that no longer parses (written by another version) reads as none: it is made again. */
function arrivalCheckOf(json: string | null): ArrivalCheck | null {
  if (json === null) {
    return null;
  }
  const parsed = ArrivalCheckSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toIncomingDocument(row: IncomingRow, now: Date): IncomingDocument {
  return {
    id: row.id,
    registerId: row.register_id,
    soDen: row.so_den,
    soDenTam: row.so_den_tam,
    soDenHienThi: soDenHienThi(row),
    ngayDen: row.ngay_den,
    maDinhDanhVanBan: row.ma_dinh_danh_van_ban,
    maHoSo: row.ma_ho_so,
    tenLoai: row.ten_loai,
    so: row.so,
    kyHieu: row.ky_hieu,
    ngayBanHanh: row.ngay_ban_hanh,
    coQuanBanHanh: row.co_quan_ban_hanh,
    maCoQuanBanHanh: row.ma_co_quan_ban_hanh,
    trichYeu: row.trich_yeu,
    ngonNgu: row.ngon_ngu,
    soTrang: row.so_trang,
    ghiChu: row.ghi_chu,
    chucVu: row.chuc_vu,
    nguoiKy: row.nguoi_ky,
    doKhan: row.do_khan,
    doMat: row.do_mat,
    noiNhan: row.noi_nhan,
    yKien: row.y_kien,
    hanXuLy: row.han_xu_ly,
    source: row.source,
    state: row.state,
    fileSha256: row.file_sha256,
    fileName: row.file_name,
    arrivalCheck: arrivalCheckOf(row.arrival_check ?? null),
    fileRemoved: (row.file_removed_at ?? null) !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    due: dueOfRow(row, now),
    traLoiCho: row.tra_loi_cho ?? null,
  };
}

/** One incoming document by id; NOT_FOUND when there is none. */
export function getIncoming(ctx: StoreContext, id: string): IncomingDocument {
  const row = ctx.db.prepare(`SELECT * FROM incoming_documents WHERE id = ?`).get(id) as IncomingRow | undefined;
  if (row === undefined) {
    throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id } });
  }
  return toIncomingDocument(row, ctx.clock());
}
