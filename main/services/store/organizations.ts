import type { Database } from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { Organization } from '../../../preload/contract/organizations.ts';
import { foldVietnamese } from '../../domain/fold.ts';
import { maDinhDanhForm } from '../../domain/ma-dinh-danh.ts';

/** The meta key holding the directory cursor; written in the same transaction as the page it ends. */
const DIRECTORY_CURSOR = 'directory_cursor';

interface OrganizationRow {
  ma_dinh_danh: string;
  ten: string;
  co_quan_chu_quan: string;
  nguon: 'local' | 'directory';
  updated_at: string;
}

export interface DirectoryPage {
  readonly applied: number;
  /** Entries refused because their mã định danh is in neither form; the rest of the page is kept. */
  readonly rejected: readonly string[];
}

function toOrganization(row: OrganizationRow): Organization {
  return {
    maDinhDanh: row.ma_dinh_danh,
    ten: row.ten,
    coQuanChuQuan: row.co_quan_chu_quan,
    form: maDinhDanhForm(row.ma_dinh_danh) ?? 'qd20',
    nguon: row.nguon,
  };
}

function invalidMaDinhDanh(value: string): VanthuError {
  return new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', '(mã định danh cơ quan không đúng dạng)'), {
    details: { maDinhDanh: value },
  });
}

/** Escape LIKE's wildcards so a user's "%" or "_" matches itself. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface OrganizationDirectory {
  /** The configured organization (owner of the registers); its name follows the settings. */
  upsertLocal(org: { maDinhDanh: string; ten: string; coQuanChuQuan?: string }, now: Date): Organization;
  get(maDinhDanh: string): Organization | undefined;
  list(options?: { limit?: number; offset?: number }): Organization[];
  /** Recipients by folded name or code: "so tu phap" finds "Sở Tư pháp", "H55" finds its units. */
  search(text: string, limit?: number): Organization[];
  count(): number;
  cursor(): string | null;
  /** One page from sync and the cursor after it, in one transaction (a crash keeps both or neither). */
  applyPage(items: readonly { maDinhDanh: string; ten: string }[], nextCursor: string, now: Date): DirectoryPage;
}

export function createOrganizationDirectory(db: Database): OrganizationDirectory {
  const upsert = db.prepare(
    `INSERT INTO organizations (ma_dinh_danh, ten, co_quan_chu_quan, ten_fold, nguon, updated_at)
     VALUES (@maDinhDanh, @ten, @coQuanChuQuan, @tenFold, @nguon, @at)
     ON CONFLICT (ma_dinh_danh) DO UPDATE SET ten = excluded.ten, ten_fold = excluded.ten_fold,
       co_quan_chu_quan = CASE WHEN excluded.co_quan_chu_quan = '' THEN co_quan_chu_quan ELSE excluded.co_quan_chu_quan END,
       nguon = CASE WHEN excluded.nguon = 'local' THEN 'local' ELSE nguon END, updated_at = excluded.updated_at`,
  );
  const byCode = db.prepare(`SELECT * FROM organizations WHERE ma_dinh_danh = ?`);
  const readCursor = db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck();
  const writeCursor = db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const write = (org: { maDinhDanh: string; ten: string; coQuanChuQuan?: string }, nguon: string, now: Date): void => {
    upsert.run({
      maDinhDanh: org.maDinhDanh,
      ten: org.ten,
      coQuanChuQuan: org.coQuanChuQuan ?? '',
      tenFold: foldVietnamese(`${org.ten} ${org.maDinhDanh}`),
      nguon,
      at: now.toISOString(),
    });
  };

  return {
    upsertLocal(org, now) {
      if (maDinhDanhForm(org.maDinhDanh) === null) {
        throw invalidMaDinhDanh(org.maDinhDanh);
      }
      write(org, 'local', now);
      return toOrganization(byCode.get(org.maDinhDanh) as OrganizationRow);
    },
    get(maDinhDanh) {
      const row = byCode.get(maDinhDanh) as OrganizationRow | undefined;
      return row === undefined ? undefined : toOrganization(row);
    },
    list(options = {}) {
      const rows = db
        .prepare(`SELECT * FROM organizations ORDER BY ten_fold, ma_dinh_danh LIMIT ? OFFSET ?`)
        .all(options.limit ?? 200, options.offset ?? 0) as OrganizationRow[];
      return rows.map(toOrganization);
    },
    search(text, limit = 20) {
      const words = foldVietnamese(text)
        .split(/\s+/)
        .filter((w) => w !== '');
      if (words.length === 0) {
        return this.list({ limit });
      }
      // Every word must appear; names starting with the first word come first. A scan: a
      // directory holds thousands of rows, not millions, and a contains-match needs one.
      const where = words.map(() => `ten_fold LIKE ? ESCAPE '\\'`).join(' AND ');
      const rows = db
        .prepare(
          `SELECT * FROM organizations WHERE ${where}
           ORDER BY ten_fold NOT LIKE ? ESCAPE '\\', length(ten), ten_fold LIMIT ?`,
        )
        .all(...words.map((w) => `%${likeEscape(w)}%`), `${likeEscape(words[0] ?? '')}%`, limit) as OrganizationRow[];
      return rows.map(toOrganization);
    },
    count() {
      return db.prepare(`SELECT count(*) FROM organizations`).pluck().get() as number;
    },
    cursor() {
      return (readCursor.get(DIRECTORY_CURSOR) as string | undefined) ?? null;
    },
    applyPage(items, nextCursor, now) {
      return db
        .transaction((): DirectoryPage => {
          const rejected: string[] = [];
          let applied = 0;
          for (const item of items) {
            const ten = item.ten.trim();
            if (maDinhDanhForm(item.maDinhDanh) === null || ten === '') {
              rejected.push(item.maDinhDanh);
              continue;
            }
            write({ maDinhDanh: item.maDinhDanh, ten }, 'directory', now);
            applied += 1;
          }
          writeCursor.run(DIRECTORY_CURSOR, nextCursor);
          return { applied, rejected };
        })
        .immediate();
    },
  };
}
