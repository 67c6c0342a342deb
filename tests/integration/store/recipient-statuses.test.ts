import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import type { StoreApi } from '../../../main/services/store/store.ts';
import { openTestStore } from './helpers.ts';

const A = '000.00.00.H55';
const B = '000.00.01.H55';

function published(store: StoreApi, dir: string): string {
  const doc = store.createOutgoing(
    OutgoingInputSchema.parse({
      tenLoai: 'Công văn',
      kyHieu: 'STP-VP',
      trichYeu: 'Về việc báo cáo công tác văn thư',
      coQuanBanHanh: 'Sở Tư pháp',
      recipients: [
        { maDinhDanh: A, ten: 'UBND tỉnh Thái Nguyên' },
        { maDinhDanh: B, ten: 'Sở Nội vụ' },
      ],
    }),
  );
  writeFileSync(join(dir, 'signed.pdf'), '%PDF-1.7 signed');
  writeFileSync(join(dir, 'sealed.pdf'), '%PDF-1.7 sealed');
  store.context.registers.addLease(doc.registerId, { firstNumber: 1, lastNumber: null });
  store.submitOutgoing(doc.id);
  store.markSigned(doc.id, join(dir, 'signed.pdf'));
  store.issueNumber(doc.id);
  store.markSealed(doc.id, join(dir, 'sealed.pdf'));
  store.publishOutgoing(doc.id);
  return doc.id;
}

describe('recipient statuses of outgoing documents', () => {
  it('shows each recipient’s latest status, keeps every report once, and 02 only with its reason', () => {
    const { store, dir, db } = openTestStore();
    const id = published(store, dir);
    expect(store.outgoingAwaitingStatuses()).toEqual([id]);
    const page = [
      {
        documentId: id,
        recipients: [
          {
            maDinhDanh: A,
            statuses: [
              // Out of order on purpose: the latest by time wins, not the last in the list.
              { code: '05', reason: null, at: '2026-03-10T04:00:00Z' },
              { code: '01', reason: null, at: '2026-03-10T02:05:00Z' },
              { code: '03', reason: null, at: '2026-03-10T02:30:00Z' },
            ],
          },
          {
            maDinhDanh: B,
            statuses: [
              { code: '01', reason: null, at: '2026-03-10T02:05:00Z' },
              { code: '02', reason: '', at: '2026-03-10T02:06:00Z' },
              { code: '99', reason: null, at: '2026-03-10T02:07:00Z' },
            ],
          },
        ],
      },
      { documentId: 'khong-co', recipients: [] },
    ];
    const first = store.applyRecipientStatuses(page);
    expect(first.added).toBe(4);
    expect(first.ignored.map((i) => i.why).sort()).toEqual(['missing-reason', 'unknown-code', 'unknown-document']);
    // The same page again (a retried pull) adds nothing and changes nothing.
    expect(store.applyRecipientStatuses(page).added).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM recipient_statuses`).pluck().get()).toBe(4);

    store.applyRecipientStatuses([
      {
        documentId: id,
        recipients: [
          { maDinhDanh: A, statuses: [{ code: '06', reason: null, at: '2026-03-11T01:00:00Z' }] },
          {
            maDinhDanh: B,
            statuses: [{ code: '02', reason: 'Không thuộc thẩm quyền', at: '2026-03-10T03:00:00Z' }],
          },
        ],
      },
    ]);
    const doc = store.getOutgoing(id);
    expect(doc.recipients).toEqual([
      expect.objectContaining({ maDinhDanh: A, statusCode: '06', statusAt: '2026-03-11T01:00:00.000Z' }),
      expect.objectContaining({ maDinhDanh: B, statusCode: '02', statusReason: 'Không thuộc thẩm quyền' }),
    ]);
    expect(doc.recall).toBeNull();
    // Both recipients are done (06) or sent it back (02): nothing left to poll.
    expect(store.outgoingAwaitingStatuses()).toEqual([]);
    expect(store.verifyAudit()).toMatchObject({ ok: true });
  });

  it('applies several documents in one transaction: all or nothing', () => {
    const { store, dir, db } = openTestStore();
    const id = published(store, dir);
    db.exec(`CREATE TRIGGER fail_b BEFORE INSERT ON recipient_statuses WHEN new.ma_dinh_danh = '${B}'
             BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() =>
      store.applyRecipientStatuses([
        {
          documentId: id,
          recipients: [{ maDinhDanh: A, statuses: [{ code: '01', reason: null, at: '2026-03-10T02:00:00Z' }] }],
        },
        {
          documentId: id,
          recipients: [{ maDinhDanh: B, statuses: [{ code: '01', reason: null, at: '2026-03-10T02:00:00Z' }] }],
        },
      ]),
    ).toThrow(/boom/);
    expect(store.getOutgoing(id).recipients.map((r) => r.statusCode)).toEqual([null, null]);
    expect(db.prepare(`SELECT count(*) FROM recipient_statuses`).pluck().get()).toBe(0);
  });

  it('tracks a recall: when, why, and which recipients agreed (15) or refused (16)', () => {
    const { store, dir, setNow } = openTestStore();
    const id = published(store, dir);
    setNow(new Date('2026-03-12T03:00:00Z'));
    const recalled = store.recallOutgoing(id, 'Sai thể thức');
    expect(recalled.recall).toEqual({
      recalledAt: '2026-03-12T03:00:00.000Z',
      reason: 'Sai thể thức',
      agreed: 0,
      refused: 0,
      waiting: 2,
    });
    expect(store.outgoingAwaitingStatuses()).toEqual([id]);
    store.applyRecipientStatuses([
      {
        documentId: id,
        recipients: [
          {
            maDinhDanh: A,
            statuses: [
              { code: '03', reason: null, at: '2026-03-11T01:00:00Z' },
              { code: '15', reason: null, at: '2026-03-12T04:00:00Z' },
            ],
          },
          { maDinhDanh: B, statuses: [{ code: '16', reason: 'Đã xử lý xong', at: '2026-03-12T05:00:00Z' }] },
        ],
      },
    ]);
    const doc = store.getOutgoing(id);
    expect(doc.recall).toMatchObject({ agreed: 1, refused: 1, waiting: 0 });
    // The recall answer does not hide the processing status the recipient had reached.
    expect(doc.recipients[0]).toMatchObject({ statusCode: '03', recallCode: '15' });
    expect(doc.recipients[1]).toMatchObject({ statusCode: null, recallCode: '16' });
    expect(store.outgoingAwaitingStatuses()).toEqual([]);
  });
});
