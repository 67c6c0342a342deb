import type { SyncProgress, SyncStatus } from '../../../preload/contract/sync.ts';
import type { Logger } from '../log/logger.ts';
import type { ApiClient } from './api-client.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { JobResult } from './jobs.ts';
import type {
  CalendarSink,
  DirectorySink,
  FileSink,
  FileSource,
  InboxSink,
  LeaseSink,
  ReceiptSink,
  RegistersFeedSink,
  RegistrationSink,
  SyncClock,
  SyncOutbox,
} from './ports.ts';

/** What the sync engine is built from; each part of a round takes only the deps it reads. */
export interface SyncEngineDeps {
  readonly api: ApiClient;
  readonly outbox: SyncOutbox;
  readonly files: FileSource;
  readonly inbox?: { readonly sink: InboxSink; readonly files: FileSink };
  readonly leases?: LeaseSink;
  readonly directory?: DirectorySink;
  /** The years' announced holiday arrangements (API 1.4.0), fetched when the sink wants them. */
  readonly calendar?: CalendarSink;
  readonly receipts?: ReceiptSink;
  /** Repairs a registration another workstation made first; without it the job stays a conflict. */
  readonly registrations?: RegistrationSink;
  /** The organization's registers from every workstation of it (API 1.4.0). */
  readonly registers?: RegistersFeedSink;
  readonly clock: SyncClock;
  readonly log: Logger;
  readonly concurrency?: number;
  readonly backoff?: BackoffPolicy;
  readonly onStatus?: (status: SyncStatus) => void;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly onResult?: (result: JobResult) => void;
}
