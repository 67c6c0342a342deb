import { z } from 'zod';
import { authenticate } from '../auth.ts';
import { documentFiles } from '../document-files.ts';
import { RegistersFeedPageSchema } from '../../preload/contract/wire/registers-feed.ts';
import { HttpProblem, sendJson } from '../http.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';

/** A document's metadata as the server stored it (its own JSON column): an object of any fields. */
const MetadataSchema = z.record(z.string(), z.unknown());

const PAGE = 200;

/** `<registrations rowid>.<documents rowid>`: both tables only grow, so each half only moves forward. */
function parseCursor(raw: string | null): { registration: number; issued: number } {
  if (raw === null || raw === '') {
    return { registration: 0, issued: 0 };
  }
  const match = /^(\d+)\.(\d+)$/.exec(raw);
  if (match === null) {
    throw new HttpProblem(400, 'INVALID_INPUT', 'Con trỏ sổ đăng ký không hợp lệ.');
  }
  return { registration: Number(match[1]), issued: Number(match[2]) };
}

interface RegistrationRow {
  rowid: number;
  document_id: string;
  year: number;
  so_den: number;
  ngay_den: string;
  change_key: string;
  source: string | null;
  metadata: string | null;
  so_ky_hieu: string | null;
  trich_yeu: string | null;
  ngay_ban_hanh: string | null;
  ten_loai: string | null;
  nguoi_ky: string | null;
  chuc_vu: string | null;
  do_khan: number | null;
  from_org: string | null;
  from_ten: string | null;
}

interface IssuedRow {
  rowid: number;
  id: string;
  so_ky_hieu: string;
  trich_yeu: string;
  ngay_ban_hanh: string;
  ten_loai: string;
  nguoi_ky: string;
  chuc_vu: string;
  do_khan: number;
  change_key: string | null;
}

/** A registration as the organization's other workstations keep it: the sổ đến row, files by hash. */
function registrationItem(state: ServerState, org: string, row: RegistrationRow) {
  const base = { kind: 'den' as const, documentId: row.document_id, year: row.year, soDen: row.so_den };
  const registration = { ...base, ngayDen: row.ngay_den, key: row.change_key };
  if (row.metadata !== null) {
    const files = state.db
      .prepare('select sha256, size from registered_document_files where document_id = ? and org = ?')
      .all(row.document_id, org) as { sha256: string; size: number }[];
    return {
      ...registration,
      source: row.source,
      metadata: MetadataSchema.parse(JSON.parse(row.metadata)),
      files,
    };
  }
  return {
    ...registration,
    source: 'truc',
    metadata: {
      soKyHieu: row.so_ky_hieu,
      trichYeu: row.trich_yeu,
      ngayBanHanh: row.ngay_ban_hanh,
      tenLoai: row.ten_loai,
      nguoiKy: row.nguoi_ky,
      chucVu: row.chuc_vu,
      doKhan: row.do_khan,
      coQuanBanHanh: row.from_ten ?? row.from_org,
      maCoQuanBanHanh: row.from_org,
    },
    files: documentFiles(state.db, row.document_id).map((file) => ({ sha256: file.sha256, size: file.size })),
  };
}

function issuedItem(state: ServerState, row: IssuedRow) {
  const recipients = state.db
    .prepare(
      `select v.to_org as maDinhDanh, coalesce(o.ten, v.to_org) as ten from deliveries v
       left join organizations o on o.ma_dinh_danh = v.to_org where v.document_id = ? order by v.rowid`,
    )
    .all(row.id) as { maDinhDanh: string; ten: string }[];
  return {
    kind: 'di' as const,
    documentId: row.id,
    key: row.change_key,
    soKyHieu: row.so_ky_hieu,
    ngayBanHanh: row.ngay_ban_hanh,
    trichYeu: row.trich_yeu,
    tenLoai: row.ten_loai,
    nguoiKy: row.nguoi_ky,
    chucVu: row.chuc_vu,
    doKhan: row.do_khan,
    recipients,
    files: documentFiles(state.db, row.id).map((file) => ({ sha256: file.sha256, size: file.size })),
  };
}

/**
 * The organization's registers as every workstation of it keeps them (API 1.4.0): each
 * registration (số đến) and each issued document, after a cursor, metadata only (files are fetched
 * on demand by hash). A document marked mật never reaches the server, and one whose metadata says
 * so is left out here too (domain/secrecy.ts on the client is the first guard, this the second).
 */
export const registersFeedRoutes = [
  route('GET', '/v1/registers/feed', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const cursor = parseCursor(ctx.url.searchParams.get('cursor'));
    const limit = Math.min(Number(ctx.url.searchParams.get('limit') ?? PAGE) || PAGE, 500);
    const registrations = state.db
      .prepare(
        `select r.rowid, r.document_id, r.year, r.so_den, r.ngay_den, r.change_key, u.source, u.metadata,
           d.so_ky_hieu, d.trich_yeu, d.ngay_ban_hanh, d.ten_loai, d.nguoi_ky, d.chuc_vu, d.do_khan,
           d.from_org, o.ten as from_ten
         from registrations r
         left join registered_documents u on u.id = r.document_id and u.org = r.org
         left join documents d on d.id = r.document_id and u.id is null
         left join organizations o on o.ma_dinh_danh = d.from_org
         where r.org = ? and r.rowid > ? order by r.rowid limit ?`,
      )
      .all(caller.org, cursor.registration, limit) as RegistrationRow[];
    const issued = state.db
      .prepare(
        `select rowid, id, so_ky_hieu, trich_yeu, ngay_ban_hanh, ten_loai, nguoi_ky, chuc_vu, do_khan, change_key
         from documents where from_org = ? and rowid > ? order by rowid limit ?`,
      )
      .all(caller.org, cursor.issued, limit) as IssuedRow[];
    const secret = (row: RegistrationRow) =>
      row.metadata !== null && Number(MetadataSchema.parse(JSON.parse(row.metadata))['doMat'] ?? 0) > 0;
    const items = [
      ...registrations.filter((row) => !secret(row)).map((row) => registrationItem(state, caller.org, row)),
      ...issued.map((row) => issuedItem(state, row)),
    ];
    const next = {
      registration: registrations[registrations.length - 1]?.rowid ?? cursor.registration,
      issued: issued[issued.length - 1]?.rowid ?? cursor.issued,
    };
    // Rows of the server's own tables (sources and metadata stored as text): checked against the wire as they leave.
    const page = RegistersFeedPageSchema.parse({
      items,
      nextCursor: `${next.registration}.${next.issued}`,
      hasMore: registrations.length === limit || issued.length === limit,
    });
    await sendJson(ctx, 200, page);
  }),
];
