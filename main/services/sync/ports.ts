import type { DirectoryEntry } from '../../../preload/contract/wire/directory.ts';
import type { InboxItem, ServerRegistration } from '../../../preload/contract/wire/documents.ts';
import type { RegisterFeedItem } from '../../../preload/contract/wire/registers-feed.ts';
import type { OutboxStore } from '../outbox/outbox-store.ts';
import type { RecipientStatus } from '../../../preload/contract/wire/outgoing.ts';

/** The provincial API's shapes sync hands to the store: written once, as the wire's schemas (preload/contract/wire). */
export type { DirectoryEntry } from '../../../preload/contract/wire/directory.ts';
export type { InboxFile, InboxItem, ServerRegistration } from '../../../preload/contract/wire/documents.ts';
export type { RegisterFeedFile, RegisterFeedItem } from '../../../preload/contract/wire/registers-feed.ts';

export type Awaitable<T> = T | Promise<T>;

type SyncOutboxMethod =
  | 'claimDue'
  | 'markDone'
  | 'markDoneAndClaim'
  | 'markRetry'
  | 'markFailed'
  | 'dueNow'
  | 'requeueInFlight'
  | 'counts'
  | 'list';

/**
 * What sync consumes from the outbox: claim due jobs in per-key order and settle each one.
 * Synchronous on the store's own connection, asynchronous through the store worker: both fit.
 */
export type SyncOutbox = {
  readonly [M in SyncOutboxMethod]: (...args: Parameters<OutboxStore[M]>) => Awaitable<ReturnType<OutboxStore[M]>>;
};

/** Where the bytes of an outgoing file are read from (content-addressed under the profile). */
export interface FileSource {
  pathOf(sha256: string): string;
  /**
   * Read a stored file by range: an encrypted profile's files are sealed on disk, so its bytes
   * come through the store, not from `pathOf`. Without it, the file at `pathOf` is read as is.
   */
  open?(sha256: string): { readonly size: number; read(position: number, length: number): Buffer; close(): void };
}

/** The store's side of the registers feed: a page and its cursor in ONE transaction. */
export interface RegistersFeedSink {
  cursor(): Awaitable<string | null>;
  apply(items: readonly RegisterFeedItem[], nextCursor: string): Awaitable<unknown>;
}

/**
 * The store's side of the inbox. `apply` writes a page of items and the new cursor in ONE
 * transaction: after a crash either both are there or neither, so nothing is lost or doubled.
 */
export interface InboxSink {
  cursor(): Awaitable<string | null>;
  apply(items: readonly InboxItem[], nextCursor: string): Awaitable<void>;
}

/**
 * Where a registration that lost the race (409 ALREADY_REGISTERED) is repaired: in ONE store
 * transaction the document takes the server's số đến, its own number is recorded as unused and the
 * job is done. False when there is nothing local to repair: the job then stays a conflict.
 */
export interface RegistrationSink {
  adopt(jobId: string, registration: ServerRegistration): Awaitable<boolean>;
}

/** The organization directory (recipients by mã định danh): changes after a cursor, applied with it. */
export interface DirectorySink {
  cursor(): Awaitable<string | null>;
  apply(items: readonly DirectoryEntry[], nextCursor: string): Awaitable<unknown>;
}

/** The working calendar's announced days: asked for now and then (`wanted`), stored whole. */
export interface CalendarSink {
  wanted(): boolean;
  apply(items: readonly unknown[]): Awaitable<unknown>;
}

/** Recipients' statuses (01–06) of our published documents, kept beside each outgoing document. */
export interface ReceiptSink {
  /** Published documents some recipient has not answered finally yet (bounded per round). */
  awaiting(): Awaitable<readonly string[]>;
  /** Every document's recipients in one transaction; a report already known changes nothing. */
  apply(updates: readonly { documentId: string; recipients: readonly RecipientStatus[] }[]): Awaitable<unknown>;
}

/** Incoming files land here (downloaded to a temporary file first, then committed by hash). */
export interface FileSink {
  has(sha256: string): boolean;
  /** Where a partial download is kept between attempts, so a reset resumes with a Range request. */
  partialPath(sha256: string): string;
  /** Move a verified download into the store. */
  commit(sha256: string, partialPath: string): void;
}

export interface LeaseNeed {
  readonly registerId: string;
  readonly kind: 'den' | 'di';
  readonly year: number;
  readonly count: number;
  /** This installation (settings.server.workstationId); the server records it with the lease. */
  readonly workstationId: string;
  /**
   * Stable per request: derived from persisted state (e.g. leases already held), so a request
   * repeated after a crash reuses the key and the server answers with the same block.
   */
  readonly requestKey: string;
}

/** The registers' side of number leases. */
export interface LeaseSink {
  needs(): Awaitable<readonly LeaseNeed[]>;
  add(registerId: string, lease: { id: string; firstNumber: number; lastNumber: number }): Awaitable<unknown>;
  /**
   * Called once the server answered in this round: blocks used offline are cut (locally, for good)
   * and every cut the server has not confirmed is listed, to be given back.
   */
  returns?(): Awaitable<readonly { leaseId: string; from: number }[]>;
  returned?(leaseId: string): Awaitable<unknown>;
}

/** Time, injectable so a long outage can be simulated without waiting for it. */
export interface SyncClock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: SyncClock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      // A wake that came while a round ran must not be slept through.
      if (signal?.aborted === true) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    }),
};

/** Credentials for the provincial server; supplied by the caller, never stored or logged by sync. */
export interface SyncCredentials {
  readonly username: string;
  readonly password: string;
}
