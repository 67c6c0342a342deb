import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/services/store/migrate.ts';
import { LATEST_VERSION } from '../../../main/services/store/migrations/index.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { readDatabaseStatus } from '../../../main/services/store/status.ts';
import { tempDir } from './helpers.ts';

/** The plan's detail lines, so a test can assert which index a query uses. */
function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

function seedV1(db: Database.Database): void {
  db.prepare(`INSERT INTO organizations (ma_dinh_danh, ten) VALUES ('000.00.12.H55', 'Sở Tư pháp')`).run();
  db.prepare(`INSERT INTO registers (id, ma_dinh_danh, kind, year) VALUES ('r1', '000.00.12.H55', 'den', 2026)`).run();
  db.prepare(
    `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ten_loai, so, ky_hieu, ngay_ban_hanh,
       co_quan_ban_hanh, trich_yeu, source, state, created_at, updated_at)
     VALUES ('d1', 'r1', 1, '2026-03-10', 'Quyết định', '15', 'QĐ-UBND', '2026-03-09', 'UBND tỉnh Thái Nguyên',
       'Về việc đôn đốc chuyển đổi số', 'giay', 'da-den', 'x', 'x')`,
  ).run();
}

describe('migrations', () => {
  it('001 creates the core schema; numbers are unique per register and looked up by index', () => {
    const db = openDatabase(':memory:', { targetVersion: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    seedV1(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ten_loai, so, ky_hieu, ngay_ban_hanh,
             co_quan_ban_hanh, trich_yeu, source, state, created_at, updated_at)
           VALUES ('d2', 'r1', 1, '2026-03-10', 'x', '1', 'x', '2026-03-09', 'x', 'x', 'giay', 'da-den', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(plan(db, `SELECT id FROM incoming_documents WHERE register_id = ? AND so_den = ?`, 'r1', 1)).toContain(
      'USING INDEX incoming_so_den (register_id=? AND so_den=?)',
    );
    expect(plan(db, `SELECT id FROM incoming_documents WHERE ma_dinh_danh_van_ban = ?`, 'x')).toContain(
      'USING INDEX incoming_ma_dinh_danh',
    );
    expect(
      plan(
        db,
        `SELECT id FROM incoming_documents WHERE so = ? AND ky_hieu = ? AND co_quan_ban_hanh = ?`,
        'a',
        'b',
        'c',
      ),
    ).toContain('USING INDEX incoming_so_ky_hieu');
    expect(plan(db, `SELECT * FROM outbox_jobs WHERE state = 'pending' AND next_attempt_at <= ?`, 'z')).toContain(
      'USING INDEX outbox_due',
    );
  });

  it('002 adds outgoing documents to a database with data, keeping it', () => {
    const db = openDatabase(':memory:', { targetVersion: 1 });
    seedV1(db);
    migrate(db, 2);
    expect(db.prepare(`SELECT id, so_den FROM incoming_documents`).all()).toEqual([{ id: 'd1', so_den: 1 }]);
    db.prepare(
      `INSERT INTO outgoing_documents (id, register_id, so, ky_hieu, ten_loai, co_quan_ban_hanh, trich_yeu, state, created_at, updated_at)
       VALUES ('o1', 'r1', 7, 'QĐ-STP', 'Quyết định', 'Sở Tư pháp', 'x', 'da-cap-so', 'x', 'x')`,
    ).run();
    expect(plan(db, `SELECT id FROM outgoing_documents WHERE register_id = ? AND so = ?`, 'r1', 7)).toContain(
      'USING INDEX outgoing_so (register_id=? AND so=?)',
    );
    expect(plan(db, `SELECT id FROM outgoing_documents WHERE state = ? ORDER BY updated_at`, 'x')).toContain(
      'USING INDEX outgoing_state',
    );
  });

  it('003 indexes existing documents for folded search (đ → d, no diacritics)', () => {
    const db = openDatabase(':memory:', { targetVersion: 2 });
    seedV1(db);
    migrate(db, 3);
    const hit = db.prepare(`SELECT rowid FROM incoming_fts WHERE incoming_fts MATCH ?`).all('"don" "doc" "chuyen"');
    expect(hit).toHaveLength(1);
    expect(plan(db, `SELECT rowid FROM incoming_fts WHERE incoming_fts MATCH ?`, 'x')).toContain('VIRTUAL TABLE INDEX');
    expect(plan(db, `SELECT id FROM incoming_documents WHERE state = ? AND han_xu_ly < ?`, 'x', 'y')).toContain(
      'USING INDEX incoming_state',
    );
  });

  it('004 rebuilds the search tables with prefix indexes, keeping documents findable and triggers working', () => {
    const db = openDatabase(':memory:', { targetVersion: 3 });
    seedV1(db);
    migrate(db, 4);
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'incoming_fts'`).pluck().get() as string;
    expect(sql).toContain(`prefix = '1 2 3'`);
    const match = db.prepare(`SELECT rowid FROM incoming_fts WHERE incoming_fts MATCH ?`);
    expect(match.all('"don" "chuy"*')).toHaveLength(1);
    db.prepare(`UPDATE incoming_documents SET trich_yeu = 'Về việc phòng chống thiên tai' WHERE id = 'd1'`).run();
    expect(match.all('"thien"')).toHaveLength(1);
    expect(match.all('"don"')).toHaveLength(0);
    expect(plan(db, `SELECT rowid FROM incoming_fts WHERE incoming_fts MATCH ? ORDER BY rowid DESC`, 'x')).toContain(
      'VIRTUAL TABLE INDEX',
    );
  });

  it('005 folds existing organization names, keeps recipients, and looks statuses up by key', () => {
    const db = openDatabase(':memory:', { targetVersion: 4 });
    seedV1(db);
    db.prepare(
      `INSERT INTO outgoing_documents (id, register_id, so, ky_hieu, ten_loai, co_quan_ban_hanh, trich_yeu, state, created_at, updated_at)
       VALUES ('o1', 'r1', 7, 'QĐ-STP', 'Quyết định', 'Sở Tư pháp', 'x', 'da-phat-hanh', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO outgoing_recipients (document_id, ma_dinh_danh, ten, status_code, status_at)
       VALUES ('o1', '000.00.00.H55', 'UBND tỉnh', '01', '2026-03-10T02:00:00Z')`,
    ).run();
    migrate(db, 5);
    expect(db.prepare(`SELECT ma_dinh_danh, ten_fold, nguon FROM organizations`).all()).toEqual([
      { ma_dinh_danh: '000.00.12.H55', ten_fold: 'so tu phap 000.00.12.h55', nguon: 'local' },
    ]);
    expect(
      db.prepare(`SELECT ma_dinh_danh, status_code, status_reason, recall_code FROM outgoing_recipients`).all(),
    ).toEqual([{ ma_dinh_danh: '000.00.00.H55', status_code: '01', status_reason: null, recall_code: null }]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO recipient_statuses (document_id, ma_dinh_danh, code, at, received_at) VALUES ('o1', 'x', '07', 'a', 'b')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(
      plan(db, `SELECT code, at FROM recipient_statuses WHERE document_id = ? AND ma_dinh_danh = ?`, 'o1', 'x'),
    ).toContain('USING COVERING INDEX sqlite_autoindex_recipient_statuses_1 (document_id=? AND ma_dinh_danh=?)');
    expect(plan(db, `SELECT * FROM organizations ORDER BY ten_fold LIMIT 20`)).toContain(
      'SCAN organizations USING INDEX organizations_ten_fold',
    );
  });

  it("007 keeps each document's phụ lục in order, looked up by the document, one row per file", () => {
    const db = openDatabase(':memory:', { targetVersion: 6 });
    seedV1(db);
    db.prepare(
      `INSERT INTO outgoing_documents (id, register_id, so, ky_hieu, ten_loai, co_quan_ban_hanh, trich_yeu, state, created_at, updated_at)
       VALUES ('o1', 'r1', 7, 'QĐ-STP', 'Quyết định', 'Sở Tư pháp', 'x', 'da-cap-so', 'x', 'x')`,
    ).run();
    migrate(db, 7);
    expect(db.prepare(`SELECT id, so FROM outgoing_documents`).all()).toEqual([{ id: 'o1', so: 7 }]);
    const sha = (c: string) => c.repeat(64);
    const attach = db.prepare(
      `INSERT INTO attachments (sha256, size, media_type, created_at) VALUES (?, 1, 'application/pdf', 'x')`,
    );
    attach.run(sha('a'));
    attach.run(sha('b'));
    const add = db.prepare(
      `INSERT INTO outgoing_appendices (outgoing_id, position, kind, title, sha256, file_name, signed, added_by, added_at)
       VALUES ('o1', ?, ?, 'Phụ lục I', ?, 'PhuLuc1.pdf', 1, 'van-thu', 'x')`,
    );
    add.run(1, 'phu-luc', sha('a'));
    expect(() => add.run(2, 'phu-luc', sha('a'))).toThrow(/UNIQUE/);
    expect(() => add.run(1, 'phu-luc', sha('b'))).toThrow(/UNIQUE/);
    expect(() => add.run(2, 'van-ban', sha('b'))).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO incoming_appendices (incoming_id, position, kind, title, sha256, file_name)
       VALUES ('d1', 1, 'phu-luc', 'Phụ lục I', ?, 'PhuLuc1.pdf')`,
    ).run(sha('b'));
    expect(
      plan(db, `SELECT position, title, sha256 FROM outgoing_appendices WHERE outgoing_id = ? ORDER BY position`, 'o1'),
    ).toContain('USING INDEX sqlite_autoindex_outgoing_appendices_1 (outgoing_id=?)');
    expect(
      plan(db, `SELECT position, title, sha256 FROM incoming_appendices WHERE incoming_id = ? ORDER BY position`, 'd1'),
    ).toContain('USING INDEX sqlite_autoindex_incoming_appendices_1 (incoming_id=?)');
    expect(plan(db, `DELETE FROM outgoing_appendices WHERE outgoing_id = ? AND sha256 = ?`, 'o1', sha('a'))).toContain(
      'USING INDEX sqlite_autoindex_outgoing_appendices_2 (outgoing_id=? AND sha256=?)',
    );
  });

  it('008 records renumberings; unused numbers are found per register and the notices newest first by index', () => {
    const db = openDatabase(':memory:', { targetVersion: 7 });
    seedV1(db);
    migrate(db, 8);
    const insert = db.prepare(
      `INSERT INTO incoming_renumberings (incoming_id, register_id, so_den_cu, so_den_tam_cu, ngay_den_cu, so_den, year,
         state, via, at) VALUES ('d1', 'r1', ?, ?, '2026-03-10', 12, 2026, 'da-den', 'conflict', 'x')`,
    );
    insert.run(7, null);
    // A number is given up once per register; a renumbering always says what the document held before.
    expect(() => insert.run(7, null)).toThrow(/UNIQUE/);
    expect(() => insert.run(null, null)).toThrow(/CHECK/);
    insert.run(null, 3);
    expect(
      plan(
        db,
        `SELECT so_den_cu FROM incoming_renumberings WHERE register_id = ? AND so_den_cu IS NOT NULL
         AND (? IS NULL OR so_den_cu >= ?) ORDER BY so_den_cu`,
        'r1',
        null,
        null,
      ),
    ).toMatch(/USING (COVERING )?INDEX incoming_renumberings_unused \(register_id=\?/);
    const notices = plan(
      db,
      `SELECT r.seq, d.so FROM incoming_renumberings r JOIN incoming_documents d ON d.id = r.incoming_id
       ORDER BY r.seq DESC LIMIT 20`,
    );
    expect(notices).toContain('SCAN r');
    expect(notices).toMatch(/SEARCH d USING INDEX sqlite_autoindex_incoming_documents_1 \(id=\?\)/);
    expect(notices).not.toContain('TEMP B-TREE');
    // The outbox settles a document's unsent registrations through its key index.
    expect(
      plan(
        db,
        `SELECT id FROM outbox_jobs WHERE job_key = ? AND kind = ? AND state <> 'done'
         AND state IN ('pending', 'paused', 'failed') ORDER BY id`,
        'd1',
        'incoming.register',
      ),
    ).toContain('USING INDEX outbox_key (job_key=?)');
  });

  it('010 holds the unsent jobs of a document marked mật, and refuses any new one for it', () => {
    const db = openDatabase(':memory:', { targetVersion: 9 });
    seedV1(db);
    db.prepare(
      `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ten_loai, so, ky_hieu, ngay_ban_hanh,
         co_quan_ban_hanh, trich_yeu, do_mat, file_sha256, source, state, created_at, updated_at)
       VALUES ('m1', 'r1', 2, '2026-03-10', 'Công văn', '3', 'CV-M', '2026-03-09', 'Bộ Công an', 'Mật', 1, ?, 'giay',
         'da-den', 'x', 'x')`,
    ).run(null);
    const job = db.prepare(
      `INSERT INTO outbox_jobs (id, kind, job_key, payload, state, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'x', 'x', 'x')`,
    );
    // Queued by an older version: the mật document's registration and status, and an ordinary one's.
    job.run('j1', 'incoming.register', 'm1', JSON.stringify({ documentId: 'm1' }), 'pending');
    job.run('j2', 'incoming.status', 'm1', JSON.stringify({ documentId: 'm1' }), 'failed');
    job.run('j3', 'incoming.register', 'd1', JSON.stringify({ documentId: 'd1' }), 'pending');
    job.run('j4', 'incoming.status', 'm1', JSON.stringify({ documentId: 'm1' }), 'done');
    migrate(db, 10);
    expect(db.prepare(`SELECT id FROM outbox_jobs ORDER BY id`).pluck().all()).toEqual(['j3', 'j4']);
    expect(db.prepare(`SELECT id, state, reason FROM outbox_held_jobs ORDER BY id`).all()).toEqual([
      { id: 'j1', state: 'pending', reason: 'secret' },
      { id: 'j2', state: 'failed', reason: 'secret' },
    ]);
    expect(() => job.run('j5', 'incoming.status', 'm1', JSON.stringify({ documentId: 'm1' }), 'pending')).toThrow(
      /SECRET_STAYS_LOCAL/,
    );
    // A document marked mật later takes its unsent jobs out of the outbox at that moment.
    db.prepare(`UPDATE incoming_documents SET do_mat = 2 WHERE id = 'd1'`).run();
    expect(db.prepare(`SELECT id FROM outbox_jobs ORDER BY id`).pluck().all()).toEqual(['j4']);
    expect(db.prepare(`SELECT id FROM outbox_held_jobs ORDER BY id`).pluck().all()).toEqual(['j1', 'j2', 'j3']);
    // The trigger's lookups stay on the secret documents' partial index.
    expect(plan(db, `SELECT file_sha256 FROM incoming_documents WHERE do_mat > 0`)).toContain('INDEX incoming_secret');
    expect(plan(db, `SELECT id FROM outgoing_documents WHERE do_mat > 0`)).toContain('INDEX outgoing_secret');
  });

  it('011 keeps leases and documents as they were (in use, not replicas) and gives replicas their files by hash', () => {
    const db = openDatabase(':memory:', { targetVersion: 10 });
    seedV1(db);
    db.prepare(
      `INSERT INTO number_leases (id, register_id, first_number, last_number, next_number, granted_at)
       VALUES ('l1', 'r1', 1, 20, 4, 'x')`,
    ).run();
    migrate(db, 11);
    expect(db.prepare(`SELECT returned_from, returned_at FROM number_leases`).all()).toEqual([
      { returned_from: null, returned_at: null },
    ]);
    expect(db.prepare(`SELECT replica FROM incoming_documents`).pluck().all()).toEqual([0]);
    expect(() => db.prepare(`UPDATE incoming_documents SET replica = 2`).run()).toThrow(/CHECK/);
    const file = db.prepare(`INSERT OR IGNORE INTO replica_files (document_id, sha256, size) VALUES ('d1', 'aa', 3)`);
    file.run();
    expect(file.run().changes).toBe(0);
  });

  it('014 gives existing documents their due time and counts Tổng quan from the indexes alone', () => {
    const db = openDatabase(':memory:', { targetVersion: 13 });
    seedV1(db);
    // fixed-date: an arrival on Friday 5 March 2027 at 10:00 in Hà Nội, written by version 13.
    db.prepare(
      `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ten_loai, so, ky_hieu, ngay_ban_hanh,
         co_quan_ban_hanh, trich_yeu, do_khan, source, state, created_at, updated_at)
       VALUES ('d2', 'r1', 2, '2027-03-05', 'Công văn', '7', 'UBND-VP', '2027-03-04', 'UBND tỉnh', 'Khẩn', 1, 'truc',
         'da-den', '2027-03-05T03:00:00.000Z', '2027-03-05T03:00:00.000Z')`,
    ).run();
    migrate(db, 14);
    const due = db.prepare(`SELECT id, due_rule, due_at, due_immediate FROM incoming_documents ORDER BY id`).all();
    // d1's arrival time is unreadable ('x'): no due time, and the migration still runs.
    expect(due).toEqual([
      { id: 'd1', due_rule: 'trinh', due_at: null, due_immediate: 0 },
      { id: 'd2', due_rule: 'trinh', due_at: '2027-03-05T16:59:59.999Z', due_immediate: 1 },
    ]);
    // Tổng quan's state counts are kept by triggers (checked against a full count), the late ones
    // counted on the partial due indexes (covering), never by reading document rows.
    const counters = () =>
      db.prepare(`SELECT entity, state, n FROM document_state_counts WHERE n > 0 ORDER BY 1, 2`).all();
    expect(counters()).toEqual([{ entity: 'incoming', state: 'da-den', n: 2 }]);
    db.prepare(`UPDATE incoming_documents SET state = 'da-tiep-nhan' WHERE id = 'd2'`).run();
    db.prepare(`DELETE FROM incoming_documents WHERE id = 'd1'`).run();
    expect(counters()).toEqual([{ entity: 'incoming', state: 'da-tiep-nhan', n: 1 }]);
    // Another workstation's registration kept for the organization's sổ (a replica) is not this
    // workstation's work: no due time, not counted in its queues.
    db.prepare(
      `INSERT INTO incoming_documents (id, register_id, so_den, ngay_den, ten_loai, so, ky_hieu, ngay_ban_hanh,
         co_quan_ban_hanh, trich_yeu, do_khan, source, state, replica, created_at, updated_at)
       VALUES ('d3', 'r1', 3, '2027-03-05', 'Công văn', '8', 'UBND-VP', '2027-03-04', 'UBND tỉnh', 'Khẩn', 1, 'truc',
         'da-tiep-nhan', 1, '2027-03-05T03:00:00.000Z', '2027-03-05T03:00:00.000Z')`,
    ).run();
    expect(counters()).toEqual([{ entity: 'incoming', state: 'da-tiep-nhan', n: 1 }]);
    expect(db.prepare(`SELECT due_at FROM incoming_documents WHERE id = 'd3'`).pluck().get()).toBeNull();
    db.prepare(`DELETE FROM incoming_documents WHERE id = 'd3'`).run();
    expect(counters()).toEqual([{ entity: 'incoming', state: 'da-tiep-nhan', n: 1 }]);
    expect(plan(db, `SELECT state, count(*) FROM incoming_documents GROUP BY state`)).toContain(
      'COVERING INDEX incoming_state_due',
    );
    expect(plan(db, `SELECT count(*) FROM incoming_documents WHERE due_at IS NOT NULL AND due_at < ?`, 'z')).toContain(
      'COVERING INDEX incoming_due',
    );
    expect(plan(db, `SELECT count(*) FROM outgoing_documents WHERE due_at IS NOT NULL AND due_at < ?`, 'z')).toContain(
      'COVERING INDEX outgoing_due',
    );
    expect(plan(db, `SELECT state, count(*) FROM outgoing_documents GROUP BY state`)).toContain(
      'COVERING INDEX outgoing_state',
    );
    // A report's period is found on the date indexes.
    expect(
      plan(
        db,
        `SELECT ten_loai, source, count(*), sum(done_days) FROM incoming_documents d WHERE d.ngay_den BETWEEN ? AND ? GROUP BY 1, 2`,
        'a',
        'b',
      ),
    ).toContain('COVERING INDEX incoming_report');
    expect(
      plan(
        db,
        `SELECT count(*) FROM outgoing_documents o WHERE o.state IN ('da-phat-hanh') AND o.ngay_ban_hanh BETWEEN ? AND ?`,
        'a',
        'b',
      ),
    ).toMatch(/INDEX outgoing_(report|state)/);
  });

  it('refuses a database written by a newer version, and status reports it', () => {
    const path = join(tempDir(), 'future.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'DB_FROM_FUTURE' }));
    expect(readDatabaseStatus(path).state).toBe('from-future');
  });

  it('rolls a failing migration back whole', () => {
    const db = openDatabase(':memory:', { targetVersion: 1 });
    const broken = [
      { version: 1, name: 'core', up: () => undefined },
      {
        version: 2,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec(`CREATE TABLE half_done (x INTEGER)`);
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, 2, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
  });
});
