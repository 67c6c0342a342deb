import type { Database } from 'better-sqlite3';
import type { OutboxStore } from '../outbox/outbox-store.ts';
import type { RegisterService } from './register-service.ts';

/** What every store service shares: one connection, the files folder, the clock and who acts. */
export interface StoreContext {
  readonly db: Database;
  readonly filesDir: string;
  readonly clock: () => Date;
  /** The organization that owns the registers (its mã định danh). */
  readonly maDinhDanh: string;
  readonly actor: string;
  readonly registers: RegisterService;
  readonly outbox: OutboxStore;
}
