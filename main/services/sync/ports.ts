import type { OutboxStore } from '../outbox/outbox-store.ts';
import type { RecipientStatus } from './api-client.ts';

export type Awaitable<T> = T | Promise<T>;

type SyncOutboxMethod =
  'claimDue' | 'markDone' | 'markDoneAndClaim' | 'markRetry' | 'markFailed' | 'requeueInFlight' | 'counts' | 'list';

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

export interface InboxFile {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  /** Since API 1.3.0: the document itself ('chinh', also when absent) or one of its phụ lục, with its title. */
  readonly kind?: 'chinh' | 'phu-luc';
  readonly title?: string | null;
}

export interface InboxDocument {
  readonly id: string;
  readonly fromOrg: string;
  readonly soKyHieu: string;
  readonly trichYeu: string;
  readonly tenLoai: string;
  readonly ngayBanHanh: string;
  /** Sent by servers from API 1.1.0; absent from older ones. */
  readonly nguoiKy?: string;
  readonly chucVu?: string;
  readonly doKhan?: number;
  readonly files: readonly InboxFile[];
  readonly recalledAt: string | null;
  readonly recallReason: string | null;
  /** The organization's registration as it stands (servers from API 1.2.0; absent from older ones). */
  readonly registration?: ServerRegistration | null;
}

/** A số đến the server holds for our organization: one workstation registered the document. */
export interface ServerRegistration {
  readonly soDen: number;
  readonly year: number;
  /** Absent from ALREADY_REGISTERED answers of servers before API 1.2.0: the local ngày đến stays. */
  readonly ngayDen?: string;
  /** The Idempotency-Key it was made with: equal to one of our job ids when the registration is ours. */
  readonly key?: string;
}

/** A file of a replicated register entry: fetched by hash only when someone opens it. */
export interface RegisterFeedFile {
  readonly sha256: string;
  readonly size: number;
}

/**
 * One entry of the organization's registers (API 1.4.0), made at any of its workstations: a
 * registration (sổ đến) or an issued document (sổ đi). `key` is the Idempotency-Key it was made with.
 */
export type RegisterFeedItem =
  | {
      readonly kind: 'den';
      readonly documentId: string;
      readonly key: string;
      readonly year: number;
      readonly soDen: number;
      readonly ngayDen: string;
      readonly source: 'truc' | 'email' | 'giay' | 'khac';
      readonly metadata: {
        readonly maDinhDanhVanBan?: string | null;
        readonly tenLoai?: string | null;
        readonly soKyHieu?: string | null;
        readonly ngayBanHanh?: string | null;
        readonly coQuanBanHanh?: string | null;
        readonly maCoQuanBanHanh?: string | null;
        readonly trichYeu?: string | null;
        readonly nguoiKy?: string | null;
        readonly chucVu?: string | null;
        readonly doKhan?: number | null;
        readonly doMat?: number | null;
        readonly soTrang?: number | null;
      };
      readonly files: readonly RegisterFeedFile[];
    }
  | {
      readonly kind: 'di';
      readonly documentId: string;
      readonly key: string | null;
      readonly soKyHieu: string;
      readonly ngayBanHanh: string;
      readonly trichYeu: string;
      readonly tenLoai: string;
      readonly nguoiKy: string;
      readonly chucVu: string;
      readonly doKhan: number;
      readonly recipients: readonly { readonly maDinhDanh: string; readonly ten: string }[];
      readonly files: readonly RegisterFeedFile[];
    };

/** The store's side of the registers feed: a page and its cursor in ONE transaction. */
export interface RegistersFeedSink {
  cursor(): Awaitable<string | null>;
  apply(items: readonly RegisterFeedItem[], nextCursor: string): Awaitable<unknown>;
}

export interface InboxItem {
  readonly seq: number;
  /** 'registered' since API 1.2.0: a workstation of our organization registered the document. */
  readonly kind: 'document' | 'recall' | 'registered';
  readonly document: InboxDocument;
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

export interface DirectoryEntry {
  readonly maDinhDanh: string;
  readonly ten: string;
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
