import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../main/services/store/audit.ts';
import { incoming, openLease, openTestStore } from './helpers.ts';

describe('audit chain', () => {
  it('detects an edited entry and a deleted entry, even with the append-only triggers dropped', () => {
    const { store, db } = openTestStore();
    openLease(store);
    for (let i = 1; i <= 4; i += 1) {
      store.addIncoming(incoming({ so: String(i) }));
    }
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 4 });
    expect(() => db.prepare(`DELETE FROM audit_log WHERE seq = 2`).run()).toThrow(/append-only/);
    db.exec(`DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;`);
    db.prepare(`UPDATE audit_log SET actor = 'ke-gian' WHERE seq = 3`).run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'edited' });
    db.prepare(`UPDATE audit_log SET actor = 'van-thu' WHERE seq = 3`).run();
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    db.prepare(`DELETE FROM audit_log WHERE seq = 2`).run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'missing' });
  });

  it('detects removal of the newest entries through the recorded head', () => {
    const { store, db } = openTestStore();
    openLease(store);
    store.addIncoming(incoming({ so: '1' }));
    store.addIncoming(incoming({ so: '2' }));
    db.exec(`DROP TRIGGER audit_no_delete`);
    db.prepare(`DELETE FROM audit_log WHERE seq = 2`).run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, reason: 'missing' });
  });
});

describe('search', () => {
  it('finds "quyet dinh so 15" in "Quyết định số 15", with filters', () => {
    const { store, setNow } = openTestStore();
    openLease(store);
    const qd = store.addIncoming(
      incoming({ tenLoai: 'Quyết định', so: '15', trichYeu: 'Quyết định số 15 về đào tạo', hanXuLy: '2026-03-01' }),
    ).document;
    store.addIncoming(
      incoming({ tenLoai: 'Công văn', so: '88', kyHieu: 'UBND-VX', trichYeu: 'Đôn đốc nộp báo cáo', doKhan: 2 }),
    );
    store.addIncoming(
      incoming({
        tenLoai: 'Tờ trình',
        so: '3',
        kyHieu: 'TTr-STP',
        nguoiKy: 'Trần Thị Đào',
        coQuanBanHanh: 'Sở Tư pháp',
      }),
    );
    const ids = (search: string) => store.listIncoming({ search }).map((d) => d.so);
    expect(ids('quyet dinh so 15')).toEqual(['15']);
    expect(ids('QUYẾT ĐỊNH')).toEqual(['15']);
    expect(ids('don doc')).toEqual(['88']);
    expect(ids('88/ubnd-vx')).toEqual(['88']);
    expect(ids('tran thi dao')).toEqual(['3']);
    expect(ids('so tu ph')).toEqual(['3']);
    expect(ids('khong co gi')).toEqual([]);
    expect(store.listIncoming({ doKhan: 2 }).map((d) => d.so)).toEqual(['88']);
    setNow(new Date('2026-03-20T02:00:00Z'));
    // Quá hạn is the store's due time (#20): none of the three was presented (trình) in time.
    expect(store.listIncoming({ overdue: true }).map((d) => d.so)).toEqual(['3', '88', '15']);
    // Presented, the first one is still late: its hạn xử lý has passed.
    store.transitionIncoming(qd.id, 'da-tiep-nhan');
    store.transitionIncoming(qd.id, 'da-trinh');
    expect(store.listIncoming({ overdue: true, states: ['da-trinh'] }).map((d) => d.id)).toEqual([qd.id]);
    expect(store.listIncoming({ from: '2026-03-11' })).toEqual([]);
  });
});
