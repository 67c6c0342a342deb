import { describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { queueCounts } from '../../../main/services/store/overview.ts';
import { listArrangements, storeArrangements } from '../../../main/services/store/calendar-store.ts';
import { claimNotices } from '../../../main/services/store/notices.ts';
import { linkReply } from '../../../main/services/store/reply-link.ts';
import { incoming, openLease, openTestStore } from './helpers.ts';

/*
 * The due columns the store keeps (migration 011) for every writer, checked at the calendar's
 * edges. fixed-date: the dates are chosen for their place in the calendar (a Friday, the days
 * before Tết 2027); no certificate or server is involved, so they never expire.
 */
const draft = OutgoingInputSchema.parse({
  tenLoai: 'Công văn',
  kyHieu: 'STP-VP',
  trichYeu: 'Đề nghị báo cáo tình hình',
  coQuanBanHanh: 'Sở Tư pháp',
  nguoiKy: 'Lê Văn Đông',
  chucVu: 'Giám đốc',
  recipients: [{ maDinhDanh: '000.00.00.H55', ten: 'UBND tỉnh Thái Nguyên' }],
});

describe('due and late in the store', () => {
  it('an arrival on a Friday is due for trình at the end of Monday, an urgent one the same day', () => {
    // fixed-date: Friday 5 March 2027, 10:00 in Hà Nội.
    const { store, setNow } = openTestStore({ now: new Date('2027-03-05T03:00:00Z') });
    openLease(store, 2027);
    const plain = store.addIncoming(incoming({ so: '1' })).document;
    const urgent = store.addIncoming(incoming({ so: '2', doKhan: 2 })).document;
    // End of Monday 8 March in Vietnam = 16:59:59.999 UTC.
    expect(plain.due).toEqual({ rule: 'trinh', dueAt: '2027-03-08T16:59:59.999Z', immediate: false, state: 'con-han' });
    expect(urgent.due).toEqual({
      rule: 'trinh',
      dueAt: '2027-03-05T16:59:59.999Z',
      immediate: true,
      state: 'xu-ly-ngay',
    });
    // Left overnight: on Saturday the urgent one is late, the plain one not yet.
    // fixed-date: Saturday 6 March 2027, 08:00 in Hà Nội.
    setNow(new Date('2027-03-06T01:00:00Z'));
    expect(store.listIncoming({ overdue: true }).map((d) => d.id)).toEqual([urgent.id]);
    expect(store.getIncoming(urgent.id).due?.state).toBe('qua-han');
    expect(store.listIncoming({ order: 'khan-truoc' }).map((d) => d.id)).toEqual([urgent.id, plain.id]);
    // Presented with a hạn xử lý, the due time follows it; finished, nothing is due.
    store.transitionIncoming(plain.id, 'da-tiep-nhan');
    store.transitionIncoming(plain.id, 'da-trinh');
    expect(store.getIncoming(plain.id).due).toBeNull();
    store.context.db.prepare(`UPDATE incoming_documents SET han_xu_ly = '2027-03-12' WHERE id = ?`).run(plain.id);
    expect(store.getIncoming(plain.id).due).toMatchObject({ rule: 'han-xu-ly', dueAt: '2027-03-12T16:59:59.999Z' });
  });

  it('an announced day off moves the limit of what is waiting, in one step', () => {
    // fixed-date: Thursday 4 February 2027, the day before the default Tết block (5–9 February).
    const { store, db } = openTestStore({ now: new Date('2027-02-04T03:00:00Z') });
    openLease(store, 2027);
    const doc = store.addIncoming(incoming({ so: '1' })).document;
    // Tết (Saturday 6 February) is 5–9 February with nghỉ bù on 10 and 11: next working day Friday 12.
    expect(doc.due?.dueAt).toBe('2027-02-12T16:59:59.999Z');
    // The year's arrangement grants Friday 12 February too: the limit moves to Monday 15.
    const tet = { year: 2027, reference: 'Thông báo thử', extraDaysOff: [{ date: '2027-02-12', name: 'Nghỉ thêm' }] };
    storeArrangements(db, [tet], 'import', store.context.clock());
    expect(store.getIncoming(doc.id).due?.dueAt).toBe('2027-02-15T16:59:59.999Z');
    expect(listArrangements(db)).toEqual([
      { arrangement: tet, source: 'import', storedAt: '2027-02-04T03:00:00.000Z' },
    ]);
  });

  it('phát hành is due from sealing; hạn trả lời until a reply is linked', () => {
    // fixed-date: Monday 8 March 2027, 09:00 in Hà Nội.
    const { store, db, setNow } = openTestStore({ now: new Date('2027-03-08T02:00:00Z') });
    openLease(store, 2027);
    const out = store.createOutgoing({ ...draft, hanTraLoi: '2027-03-19' });
    expect(out.due).toBeNull();
    const setState = (state: string): void => {
      db.prepare(`UPDATE outgoing_documents SET state = ?, updated_at = ? WHERE id = ?`).run(
        state,
        store.context.clock().toISOString(),
        out.id,
      );
    };
    setState('da-dong-dau');
    expect(store.getOutgoing(out.id).due).toEqual({
      rule: 'phat-hanh',
      dueAt: '2027-03-09T16:59:59.999Z',
      immediate: false,
      state: 'con-han',
    });
    // fixed-date: published on Wednesday 10 March, a day late.
    setNow(new Date('2027-03-10T02:00:00Z'));
    setState('da-phat-hanh');
    expect(store.getOutgoing(out.id).due).toMatchObject({ rule: 'han-tra-loi', dueAt: '2027-03-19T16:59:59.999Z' });
    expect(db.prepare(`SELECT done_late FROM outgoing_documents WHERE id = ?`).pluck().get(out.id)).toBe(1);
    const reply = store.addIncoming(incoming({ so: '7' })).document;
    expect(linkReply(store.context, reply.id, out.id).traLoiCho).toBe(out.id);
    expect(store.getOutgoing(out.id).due).toBeNull();
    // Unlinked by mistake: the hạn trả lời is back.
    linkReply(store.context, reply.id, null);
    expect(store.getOutgoing(out.id).due?.rule).toBe('han-tra-loi');
    expect(store.verifyAudit().ok).toBe(true);
  });

  it('counts the queues as the lists show them, and announces each thing once', () => {
    // fixed-date: Friday 5 March 2027, 10:00 in Hà Nội.
    const { store, setNow } = openTestStore({ now: new Date('2027-03-05T03:00:00Z') });
    openLease(store, 2027);
    const urgent = store.addIncoming(incoming({ so: '1', doKhan: 1 })).document;
    const plain = store.addIncoming(incoming({ so: '2' })).document;
    store.transitionIncoming(plain.id, 'da-tiep-nhan');
    store.createOutgoing(draft);
    const first = claimNotices(store.context);
    expect(first.map((n) => [n.id, n.reason])).toEqual([[urgent.id, 'khan-den']]);
    expect(claimNotices(store.context)).toEqual([]);
    // fixed-date: Monday 8 March, 08:00: the plain one falls due today; the urgent one is late.
    setNow(new Date('2027-03-08T01:00:00Z'));
    expect(claimNotices(store.context).map((n) => [n.id, n.reason])).toEqual([[plain.id, 'den-han:2027-03-08']]);
    expect(claimNotices(store.context)).toEqual([]);
    const { counts } = queueCounts(store.context);
    expect(counts).toMatchObject({ 'cho-tiep-nhan': 1, 'cho-trinh': 1, 'qua-han': 1, 'cho-ky': 0 });
    expect(counts['cho-tiep-nhan']).toBe(store.listIncoming({ state: 'da-den' }).length);
    expect(counts['cho-trinh']).toBe(store.listIncoming({ states: ['da-tiep-nhan'] }).length);
    expect(counts['qua-han']).toBe(
      store.listIncoming({ overdue: true }).length + store.listOutgoing({ overdue: true }).length,
    );
  });
});
