import type { StepKind } from '../../domain/office-steps.ts';
import { STEP_LABEL_VI } from '../../domain/office-steps.ts';
import type { CaseFile } from '../../../preload/contract/office.ts';
import type { Notifier } from '../notices/notifier.ts';
import type { Logger } from '../log/logger.ts';
import type { ApiClient } from '../sync/api-client.ts';
import { backoffDelay, type BackoffPolicy } from '../sync/backoff.ts';
import { classifyError, SyncFailure } from '../sync/classify.ts';
import { systemClock, type Awaitable, type FileSink, type SyncClock } from '../sync/ports.ts';
import { downloadFile } from '../sync/transfer.ts';
import { LONG_POLL_SECONDS, officeApi, type OfficeInboxItem, type TrucNews } from '../sync/office-api.ts';

/** The store's side of the person's inbox (office-store.ts). */
export interface OfficeInboxStorePort {
  officeCursor(username: string): Awaitable<string | null>;
  applyOfficeInbox(
    username: string,
    items: readonly OfficeInboxItem[],
    nextCursor: string,
  ): Awaitable<{ caseId: string; stepKind: StepKind; title: string; byName: string }[]>;
  missingOfficeFiles(username: string): Awaitable<(CaseFile & { size: number })[]>;
  markOfficeFilesReady(username: string): Awaitable<number>;
}

export interface OfficeInboxDeps {
  /** The workstation's client for the configured server (throws while none is configured). */
  readonly api: () => ApiClient;
  readonly store: OfficeInboxStorePort;
  readonly files: FileSink;
  /** The signed-in person's username; null: nothing to pull. */
  readonly person: () => string | null;
  readonly notifier: Notifier;
  readonly log: Logger;
  readonly clock?: SyncClock;
  /** Seconds the server may hold an empty request (tests shorten it). */
  readonly waitSeconds?: number;
  /**
   * The trục, watched through the same long-poll (API 1.6.0): the server answers it when the trục
   * brings the organization a document or a recall, and `arrived` pulls it at once instead of at
   * the sync loop's next poll. Without it (or while `watching` says no) the trục is not watched.
   */
  readonly truc?: {
    /** Whether the signed-in person's work includes the trục's arrivals (the văn thư's). */
    readonly watching: () => boolean;
    /** The workstation's /v1/inbox cursor (null before its first pull). */
    readonly cursor: () => Awaitable<string | null>;
    /** The trục brought something since: pull it now. */
    readonly arrived: () => void;
  };
}

export interface OfficeInbox {
  /** One exchange (a long-poll when `waitSeconds` > 0), then the files of what arrived. Returns the new items. */
  pull(waitSeconds?: number, signal?: AbortSignal): Promise<number>;
  /** Keep a long-poll open while someone is signed in, until `stop()`. */
  start(): void;
  /** The person changed (or signed in): end the current wait and pull for them. */
  wake(): void;
  stop(): Promise<void>;
}

/** A person waits for their queue: retry within half a minute of the server's return, not five. */
const INBOX_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

function noticeTitle(stepKind: StepKind): string {
  return stepKind === 'sign' ? 'Văn bản đã ký chờ cấp số' : `Có văn bản mới: ${STEP_LABEL_VI[stepKind]}`;
}

/**
 * The person's inbox, pulled by long-poll: the server answers as soon as a step is routed to the
 * person, so it arrives within about a second instead of at the next minute's poll. Each page and
 * its cursor commit together (nothing lost or doubled on a crash); the new items raise a desktop
 * notice; then the case files are fetched so the queue is readable and signable offline.
 */
export function createOfficeInbox(deps: OfficeInboxDeps): OfficeInbox {
  const clock = deps.clock ?? systemClock;
  let loop: { controller: AbortController; done: Promise<void> } | undefined;
  let nap: AbortController | undefined;

  const fetchFiles = async (username: string): Promise<void> => {
    for (const file of await deps.store.missingOfficeFiles(username)) {
      await downloadFile(deps.api(), file, deps.files, () => undefined);
    }
    await deps.store.markOfficeFilesReady(username);
  };

  /**
   * The exchange alone: pages applied (and announced) until the server has no more; files not fetched.
   * With `trucCursor`, the first page also says what the trục brought since (`onTruc`).
   */
  const exchange = async (
    username: string,
    waitSeconds: number,
    signal?: AbortSignal,
    trucCursor?: string,
    onTruc?: (news: TrucNews) => void,
  ): Promise<number> => {
    let arrived = 0;
    let wait = waitSeconds;
    let watch = trucCursor;
    for (;;) {
      const page = await officeApi.inbox(deps.api(), await deps.store.officeCursor(username), wait, signal, watch);
      if (deps.person() !== username) {
        return arrived; // Signed out or another person signed in while we waited: not theirs.
      }
      if (page.truc !== undefined) {
        onTruc?.(page.truc);
      }
      watch = undefined;
      const fresh = await deps.store.applyOfficeInbox(username, page.items, page.nextCursor);
      arrived += fresh.length;
      for (const item of fresh) {
        deps.notifier.notify({
          title: noticeTitle(item.stepKind),
          body: `${item.title} — ${item.byName}`,
          documentId: item.caseId,
        });
      }
      if (!page.hasMore) {
        return arrived;
      }
      wait = 0;
    }
  };

  const pull = async (waitSeconds = 0, signal?: AbortSignal): Promise<number> => {
    const username = deps.person();
    if (username === null) {
      return 0;
    }
    // Files a crash or an outage left behind first: a queue entry becomes usable offline as soon as possible.
    await fetchFiles(username);
    const arrived = await exchange(username, waitSeconds, signal);
    if (arrived > 0) {
      await fetchFiles(username);
    }
    return arrived;
  };

  /**
   * The loop's files, fetched beside the long-poll rather than before the next one: while a case's
   * files download, the next step routed to the person is already answered and in their queue.
   * One fetch at a time; asked again while running, it runs once more; a failure is retried later.
   */
  let fetching: Promise<void> | undefined;
  let fetchAgain = false;
  let fetchFailures = 0;
  const fetchBeside = (username: string, signal: AbortSignal): void => {
    fetchAgain = true;
    fetching ??= (async () => {
      while (fetchAgain && !signal.aborted) {
        fetchAgain = false;
        try {
          await fetchFiles(username);
          fetchFailures = 0;
        } catch (error) {
          fetchFailures += 1;
          const failure = error instanceof SyncFailure ? error.failure : classifyError(error);
          deps.log.info('office.files_retry', { code: failure.code, failures: fetchFailures });
          await clock.sleep(backoffDelay(fetchFailures, failure.retryAfterMs, INBOX_BACKOFF), signal);
          fetchAgain = true;
        }
      }
    })().finally(() => {
      fetching = undefined;
    });
  };

  /**
   * The /v1/inbox cursor to watch the trục from: where the server's last answer said it ended, or at
   * a new person's first request the workstation's own cursor (so what came just before is news).
   */
  let trucSeen: { username: string; cursor: string } | undefined;
  const trucCursorFor = async (username: string): Promise<string | undefined> => {
    if (deps.truc === undefined || !deps.truc.watching()) {
      return undefined;
    }
    if (trucSeen?.username === username) {
      return trucSeen.cursor;
    }
    return (await deps.truc.cursor()) ?? '0';
  };
  const trucNews = (username: string) => (news: TrucNews) => {
    // Remembered before the pull runs: the next long-poll is held again instead of answered at once.
    trucSeen = { username, cursor: news.cursor };
    if (news.arrived) {
      deps.truc?.arrived();
    }
  };

  return {
    pull,
    start() {
      if (loop !== undefined) {
        return;
      }
      const controller = new AbortController();
      const done = (async () => {
        let failures = 0;
        while (!controller.signal.aborted) {
          nap = new AbortController();
          const signal = AbortSignal.any([controller.signal, nap.signal]);
          if (deps.person() === null) {
            await clock.sleep(60_000, signal);
            continue;
          }
          const username = deps.person();
          try {
            if (username !== null) {
              fetchBeside(username, controller.signal);
              const wait = deps.waitSeconds ?? LONG_POLL_SECONDS;
              const truc = await trucCursorFor(username);
              if ((await exchange(username, wait, signal, truc, trucNews(username))) > 0) {
                fetchBeside(username, controller.signal);
              }
            }
            failures = 0;
          } catch (error) {
            if (signal.aborted) {
              continue;
            }
            // The server is down or refuses: back off like the outbox does, never spin.
            failures += 1;
            const failure = error instanceof SyncFailure ? error.failure : classifyError(error);
            deps.log.info('office.inbox_retry', { code: failure.code, failures });
            await clock.sleep(backoffDelay(failures, failure.retryAfterMs, INBOX_BACKOFF), signal);
          }
        }
      })();
      loop = { controller, done };
    },
    wake() {
      nap?.abort();
    },
    async stop() {
      loop?.controller.abort();
      await Promise.all([loop?.done, fetching]);
      loop = undefined;
    },
  };
}
