import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore } from '../../../main/services/store/store.ts';
import { incoming, openLease, openTestStore, ORG } from './helpers.ts';

describe('organization directory', () => {
  it('keeps the configured organization, validated in both forms', () => {
    const { store, db, dir } = openTestStore();
    expect(store.listOrganizations()).toEqual({
      items: [{ maDinhDanh: ORG, ten: 'Sở Tư pháp', coQuanChuQuan: '', form: 'qcvn102', nguon: 'local' }],
      total: 1,
    });
    // A QĐ 20/2020 code (groups left to right) is accepted; a lower-case or over-long one is not.
    const qd20 = createStore({ db, filesDir: dir, maDinhDanh: 'H55.12.3', tenCoQuan: 'Phòng Tư pháp' });
    expect(qd20.searchOrganizations('phong tu phap')).toMatchObject([{ maDinhDanh: 'H55.12.3', form: 'qd20' }]);
    expect(() => createStore({ db, filesDir: dir, maDinhDanh: 'h55.12' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => createStore({ db, filesDir: dir, maDinhDanh: `H55.${'1'.repeat(32)}` })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('applies pages from sync with their cursor, upserting by mã định danh and refusing bad codes', () => {
    const { store, dir } = openTestStore();
    expect(store.directoryCursor()).toBeNull();
    const page = store.applyDirectory(
      [
        { maDinhDanh: '000.00.00.H55', ten: 'Ủy ban nhân dân tỉnh Thái Nguyên' },
        { maDinhDanh: '000.00.01.H55', ten: 'Sở Nội vụ tỉnh Thái Nguyên' },
        { maDinhDanh: 'G06', ten: 'Bộ Khoa học và Công nghệ' },
        { maDinhDanh: 'không hợp lệ', ten: 'Cơ quan lạ' },
      ],
      '3',
    );
    expect(page).toEqual({ applied: 3, rejected: ['không hợp lệ'] });
    expect(store.directoryCursor()).toBe('3');
    // A renamed organization arrives again in a later page: one row, the new name.
    store.applyDirectory([{ maDinhDanh: '000.00.01.H55', ten: 'Sở Nội vụ tỉnh Thái Nguyên (mới)' }], '4');
    expect(store.directoryCursor()).toBe('4');
    expect(store.listOrganizations().total).toBe(4);
    expect(store.searchOrganizations('so noi vu')).toMatchObject([
      { maDinhDanh: '000.00.01.H55', ten: 'Sở Nội vụ tỉnh Thái Nguyên (mới)', nguon: 'directory' },
    ]);
    // Folded, every word, in any order; by code too; LIKE wildcards are plain characters.
    expect(store.searchOrganizations('UY BAN thai nguyen').map((o) => o.maDinhDanh)).toEqual(['000.00.00.H55']);
    expect(store.searchOrganizations('khoa hoc').map((o) => o.maDinhDanh)).toEqual(['G06']);
    expect(store.searchOrganizations('H55').length).toBe(3);
    expect(store.searchOrganizations('%')).toEqual([]);
    // The local organization stays local even when the directory lists it.
    store.applyDirectory([{ maDinhDanh: ORG, ten: 'Sở Tư pháp tỉnh Thái Nguyên' }], '5');
    expect(store.searchOrganizations('tu phap')).toMatchObject([{ maDinhDanh: ORG, nguon: 'local' }]);

    // A page that fails half way leaves neither its rows nor its cursor.
    const db = openDatabase(`${dir}/vanthu.sqlite`);
    db.exec(`CREATE TRIGGER fail_g08 BEFORE INSERT ON organizations WHEN new.ma_dinh_danh = 'G08'
             BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() =>
      store.applyDirectory(
        [
          { maDinhDanh: 'G03', ten: 'Bộ Giáo dục và Đào tạo' },
          { maDinhDanh: 'G08', ten: 'Bộ Ngoại giao' },
        ],
        '7',
      ),
    ).toThrow(/boom/);
    expect(store.directoryCursor()).toBe('5');
    expect(store.searchOrganizations('giao duc')).toEqual([]);
    db.close();
  });
});

describe('user profile', () => {
  it('starts as văn thư, changes role with an audit entry, and refuses unknown roles in the database', () => {
    const { store, db } = openTestStore();
    expect(store.getProfile()).toMatchObject({ role: 'van-thu', hoTen: '', maDinhDanh: ORG, updatedAt: null });
    expect(store.getProfile().actions).toContain('outgoing.issueNumber');
    const leader = store.updateProfile({ hoTen: 'Lê Văn Đông', chucVu: 'Giám đốc', role: 'lanh-dao' });
    expect(leader).toMatchObject({ hoTen: 'Lê Văn Đông', chucVu: 'Giám đốc', role: 'lanh-dao' });
    expect(leader.actions).toContain('outgoing.sign');
    expect(leader.actions).not.toContain('outgoing.issueNumber');
    // Changing only the title keeps the role and adds no role entry.
    expect(store.updateProfile({ chucVu: 'Phó Giám đốc' })).toMatchObject({ role: 'lanh-dao', hoTen: 'Lê Văn Đông' });
    const roles = db
      .prepare(`SELECT details FROM audit_log WHERE action = 'profile.role' ORDER BY seq`)
      .pluck()
      .all() as string[];
    expect(roles.map((d) => JSON.parse(d))).toEqual([{ from: null, to: 'lanh-dao' }]);
    expect(store.verifyAudit()).toMatchObject({ ok: true, entries: 1 });
    // From now on the audit log names the leader, not an anonymous văn thư.
    const actors = () => db.prepare(`SELECT actor FROM audit_log ORDER BY seq`).pluck().all();
    expect(actors()).toEqual(['van-thu']);
    openLease(store);
    store.addIncoming(incoming());
    expect(actors()).toEqual(['van-thu', 'lanh-dao:Lê Văn Đông']);
    expect(() => db.prepare(`UPDATE profiles SET role = 'admin'`).run()).toThrow(/CHECK/);
  });
});
