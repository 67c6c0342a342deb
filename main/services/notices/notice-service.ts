import type { DueRule } from '../../domain/deadlines.ts';
import type { DesktopNotice, Notifier } from './notifier.ts';
import type { Logger } from '../log/logger.ts';
import type { NoticeCandidate } from '../store/notices.ts';
import type { StoreCall } from '../store/store-client.ts';

const RULE_VI: Readonly<Record<DueRule, string>> = {
  trinh: 'trình',
  'phat-hanh': 'phát hành',
  'han-xu-ly': 'hạn xử lý',
  'han-tra-loi': 'hạn trả lời',
};

/** Độ khẩn 1–4 as a notice says it (0, thường, is never announced on arrival). */
const KHAN_VI = ['khẩn', 'khẩn', 'thượng khẩn', 'hỏa tốc', 'hỏa tốc'] as const;

/** The Vietnamese notice for a claimed candidate. */
export function noticeOf(candidate: NoticeCandidate): DesktopNotice {
  if (candidate.reason === 'khan-den') {
    return {
      title: `Văn bản ${KHAN_VI[Math.min(candidate.doKhan, KHAN_VI.length - 1)] ?? 'khẩn'} vừa đến`,
      body: candidate.trichYeu,
      documentId: candidate.id,
      urgent: true,
    };
  }
  const rule = RULE_VI[candidate.dueRule as DueRule] ?? 'xử lý';
  return {
    title: `Đến hạn ${rule} hôm nay`,
    body: candidate.trichYeu,
    // A click opens an incoming document; outgoing ones are found in Văn bản đi.
    ...(candidate.entity === 'incoming' ? { documentId: candidate.id } : {}),
  };
}

export interface NoticeService {
  /** Look for new things to announce now; resolves to how many were shown. */
  check(): Promise<number>;
  /** Check every `intervalMs` (and at once); returns the stop. */
  start(intervalMs?: number): () => void;
}

/**
 * Desktop notifications for urgent arrivals and for steps falling due today. What was announced
 * is claimed in the store in the same transaction that finds it (notices_sent), so a restart, a
 * second window or the next tick never announces it again: no nagging.
 */
export function createNoticeService(deps: { store: StoreCall; notifier: Notifier; log: Logger }): NoticeService {
  let running: Promise<number> | undefined;
  const check = (): Promise<number> => {
    running ??= deps
      .store('notices.claim', 20)
      .then((claimed) => {
        for (const candidate of claimed) {
          deps.notifier.notify(noticeOf(candidate));
        }
        return claimed.length;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return {
    check,
    start(intervalMs = 60_000) {
      const tick = (): void => {
        check().catch((error: unknown) => {
          // Not configured yet (no organization) or the store is busy: the next tick tries again.
          deps.log.info('notices.skipped', { reason: error instanceof Error ? error.message : String(error) });
        });
      };
      tick();
      const timer = setInterval(tick, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
