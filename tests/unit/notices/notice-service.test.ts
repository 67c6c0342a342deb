import { describe, expect, it } from 'vitest';
import type { DesktopNotice } from '../../../main/services/notices/notifier.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createNoticeService, noticeOf } from '../../../main/services/notices/notice-service.ts';
import type { NoticeCandidate } from '../../../main/services/store/notices.ts';
import type { StoreCall } from '../../../main/services/store/store-client.ts';

const arrival: NoticeCandidate = {
  entity: 'incoming',
  id: 'd1',
  reason: 'khan-den',
  trichYeu: 'Về việc khắc phục hậu quả mưa lũ',
  doKhan: 3,
  dueRule: 'trinh',
  dueAt: null,
};

describe('desktop notices', () => {
  it('says what arrived and what falls due, in Vietnamese, opening incoming documents only', () => {
    expect(noticeOf(arrival)).toEqual({
      title: 'Văn bản hỏa tốc vừa đến',
      body: 'Về việc khắc phục hậu quả mưa lũ',
      documentId: 'd1',
      urgent: true,
    });
    expect(noticeOf({ ...arrival, doKhan: 1 }).title).toBe('Văn bản khẩn vừa đến');
    const due = noticeOf({ ...arrival, entity: 'outgoing', reason: 'den-han:2027-03-08', dueRule: 'phat-hanh' });
    expect(due).toEqual({ title: 'Đến hạn phát hành hôm nay', body: 'Về việc khắc phục hậu quả mưa lũ' });
  });

  it('shows what the store claims, once: a second check finds nothing to repeat', async () => {
    // A fake store port that hands out each candidate once, as claimNotices does with notices_sent.
    let pending: NoticeCandidate[] = [arrival];
    const store = (async () => {
      const claimed = pending;
      pending = [];
      return claimed;
    }) as unknown as StoreCall;
    const shown: DesktopNotice[] = [];
    const service = createNoticeService({ store, notifier: { notify: (n) => shown.push(n) }, log: silentLogger });
    expect(await service.check()).toBe(1);
    expect(await service.check()).toBe(0);
    expect(shown.map((n) => n.title)).toEqual(['Văn bản hỏa tốc vừa đến']);
  });
});
