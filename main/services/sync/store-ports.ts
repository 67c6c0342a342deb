import { z } from 'zod';
import { YearArrangementSchema } from '../../../preload/contract/calendar.ts';
import { vietnamYear } from '../../domain/vietnam-time.ts';
import type { StoreCall } from '../store/store-client.ts';
import { createRegisterLeaseSink, type LeaseRegisters } from './lease-adapter.ts';
import type {
  CalendarSink,
  DirectorySink,
  InboxSink,
  LeaseSink,
  ReceiptSink,
  RegistersFeedSink,
  RegistrationSink,
  SyncOutbox,
} from './ports.ts';

// The engine's ports (ports.ts) through the store worker, which the app's sync is built on.

/** The outbox through the store worker: same port, every call asynchronous. */
export function storeOutbox(store: StoreCall): SyncOutbox {
  return {
    claimDue: (now, limit) => store('outbox.claimDue', now, limit),
    markDone: (id, now) => store('outbox.markDone', id, now),
    markDoneAndClaim: (id, now, limit) => store('outbox.markDoneAndClaim', id, now, limit),
    markRetry: (id, next, error, now) => store('outbox.markRetry', id, next, error, now),
    markFailed: (id, error, now) => store('outbox.markFailed', id, error, now),
    dueNow: (now) => store('outbox.dueNow', now),
    requeueInFlight: () => store('outbox.requeueInFlight'),
    counts: () => store('outbox.counts'),
    list: (filter) => store('outbox.list', filter),
  };
}

/** The repair of a registration another workstation made first, through the store worker (one transaction there). */
export function storeRegistrations(store: StoreCall): RegistrationSink {
  return { adopt: (jobId, registration) => store('sync.adoptRegistration', jobId, registration) };
}

/** How many published documents have their recipients' statuses refreshed per round. */
const RECEIPTS_PER_ROUND = 50;

/**
 * The inbox, the organization directory and the recipients' statuses through the store worker;
 * each page is one transaction there, with its cursor.
 */
export function storeSinks(store: StoreCall): {
  inbox: InboxSink;
  directory: DirectorySink;
  receipts: ReceiptSink;
  registers: RegistersFeedSink;
} {
  return {
    registers: {
      cursor: () => store('sync.registersCursor'),
      apply: (items, next) => store('sync.applyRegisters', items, next),
    },
    inbox: {
      cursor: () => store('sync.inboxCursor'),
      apply: async (items, next) => {
        await store('sync.applyInbox', items, next);
      },
    },
    directory: {
      cursor: () => store('directory.cursor'),
      apply: async (items, next) => {
        await store('directory.apply', items, next);
      },
    },
    receipts: {
      awaiting: () => store('outgoing.awaitingStatuses', RECEIPTS_PER_ROUND),
      apply: (updates) => store('outgoing.applyStatuses', updates),
    },
  };
}

/** How often the announced calendar is asked for: it changes a few times a year. */
const CALENDAR_EVERY_MS = 6 * 3_600_000;

/**
 * The server's holiday arrangements into the store, asked for once at start and then every few
 * hours; a list that does not match the schema is left aside whole, never half applied.
 */
export function storeCalendar(store: StoreCall, now: () => Date): CalendarSink {
  let last = Number.NEGATIVE_INFINITY;
  return {
    wanted: () => now().getTime() - last >= CALENDAR_EVERY_MS,
    apply: async (items) => {
      last = now().getTime();
      const parsed = z.array(YearArrangementSchema).max(20).safeParse(items);
      if (parsed.success && parsed.data.length > 0) {
        await store('calendar.store', parsed.data, 'server');
      }
    },
  };
}

/** Number leases for this year's registers, through the store worker. */
export function storeLeases(store: StoreCall, workstationId: string, now: () => Date): LeaseSink {
  const registers: LeaseRegisters = {
    get: async (id) => (await store('registers.list')).find((register) => register.id === id),
    remaining: (id) => store('registers.remaining', id),
    leases: (id) => store('registers.leases', id),
    addLease: (id, lease) => store('registers.addLease', id, lease),
    cutUsedLeases: (id) => store('registers.cutUsedLeases', id),
    confirmReturn: (id) => store('registers.confirmReturn', id),
  };
  const year = () => vietnamYear(now());
  return createRegisterLeaseSink(
    registers,
    async () => (await store('registers.list')).filter((register) => register.year === year()).map((r) => r.id),
    workstationId,
  );
}
