import type { AppError } from '../../../preload/contract/index.ts';

/*
 * PENDING CONTRACT: the sync service (issue #8) has not merged `preload/contract/sync.ts` yet.
 * These are the shapes this screen expects from `sync.status` and the `sync.changed` event;
 * when the real contract lands, import its types instead and delete this file.
 */
export const SYNC_STATUS_CHANNEL = 'sync.status';
export const SYNC_CHANGED_EVENT = 'sync.changed';

export interface SyncStatus {
  readonly online: boolean;
  /** Outbox jobs not yet accepted by the server. */
  readonly pending: number;
  readonly lastSuccessAt: string | null;
  readonly lastError: AppError | null;
}
