import { v7 as uuidv7 } from 'uuid';
import type { ServerNumber } from '../../domain/numbering.ts';
import { staysOnWorkstation } from '../../domain/secrecy.ts';
import { vietnamYear } from '../../domain/vietnam-time.ts';
import type { Logger } from '../log/logger.ts';
import type { ApiClient } from './api-client.ts';
import { SyncFailure } from './classify.ts';

export type NumberKind = 'den' | 'di';

/**
 * Online numbering (S-BG20 Điều 8 k2: số đến in order of receipt across the organization): ask
 * the server for the register's next number; null when it cannot answer within a short time, and
 * the caller numbers from its leased block (offline) instead.
 */
export interface OnlineNumbers {
  /** `documentId`: the document it is for; the key makes a repeat return the same number. */
  take(kind: NumberKind, year: number, documentId: string, key: string): Promise<ServerNumber | null>;
}

export interface OnlineNumbersOptions {
  /** Whole budget for one number, retries included: a clerk waits this long at most before the block is used. */
  readonly timeoutMs?: number;
  /**
   * After a number the server did not give in time, the next ones come from the block at once for
   * this long: a clerk registering a stack of paper during an outage does not wait each time.
   */
  readonly quietMs?: number;
  /** Real time, for the budget of one request. */
  readonly now?: () => number;
  /** The sync clock, for the quiet period (a simulated outage passes on it). */
  readonly clock?: () => number;
  readonly log?: Logger;
}

export const DEFAULT_ONLINE_NUMBER_TIMEOUT_MS = 3_000;
export const DEFAULT_ONLINE_NUMBER_QUIET_MS = 30_000;

/** Numbers from the server through the sync client; `api` null (no server configured) is offline. */
export function createOnlineNumbers(
  api: () => Pick<ApiClient, 'allocateNumber'> | null,
  options: OnlineNumbersOptions = {},
): OnlineNumbers {
  const budget = options.timeoutMs ?? DEFAULT_ONLINE_NUMBER_TIMEOUT_MS;
  const quietMs = options.quietMs ?? DEFAULT_ONLINE_NUMBER_QUIET_MS;
  const now = options.now ?? Date.now;
  const clock = options.clock ?? now;
  let quietUntil = Number.NEGATIVE_INFINITY;
  const unanswered = (): null => {
    quietUntil = clock() + quietMs;
    return null;
  };
  return {
    async take(kind, year, documentId, key) {
      const client = api();
      if (client === null || clock() < quietUntil) {
        return null;
      }
      const deadline = now() + budget;
      // Retried with the same key while time is left: a lost answer gives back the same number.
      for (;;) {
        const left = deadline - now();
        if (left <= 0) {
          return unanswered();
        }
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), left);
        });
        try {
          const number = await Promise.race([client.allocateNumber(kind, year, documentId, key, left), expired]);
          if (number === null) {
            options.log?.info('numbers.online_timeout', { kind, year });
            return unanswered();
          }
          quietUntil = Number.NEGATIVE_INFINITY;
          return { year, number };
        } catch (error) {
          // A lost answer or a busy server is tried again with the same key while time is left.
          if (!(error instanceof SyncFailure && error.failure.kind === 'retryable')) {
            // Refused or signed out: the leased block serves, as offline.
            options.log?.info('numbers.online_unavailable', { kind, year, error });
            return null;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(0, deadline - now()))));
        } finally {
          clearTimeout(timer);
        }
      }
    },
  };
}

/**
 * An incoming document about to be registered: its id, chosen now so the server's number is asked
 * for that document, and the number. A document marked mật asks nothing: its number comes from the
 * block (the block is given back once online), and not even its id reaches the server.
 */
export async function numberForRegistration(
  numbers: OnlineNumbers,
  doMat: number,
  now: Date,
): Promise<{ id: string; number: ServerNumber | null }> {
  const id = uuidv7();
  if (staysOnWorkstation(doMat)) {
    return { id, number: null };
  }
  return { id, number: await numbers.take('den', vietnamYear(now), id, `so-den:${id}`) };
}
