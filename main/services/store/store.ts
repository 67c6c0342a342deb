import type { Database } from 'better-sqlite3';
import type {
  DocumentFilter,
  IncomingAddResult,
  IncomingDocument,
  IncomingInput,
} from '../../../preload/contract/incoming.ts';
import type { IncomingState } from '../../domain/document-states.ts';
import { createSqliteOutbox } from '../outbox/sqlite-outbox.ts';
import { createRegisterService } from '../registers/register-service.ts';
import { verifyAudit, type AuditVerdict } from './audit.ts';
import {
  addIncoming,
  finalizeProvisional,
  getIncoming,
  transitionIncoming,
  type IncomingFile,
} from './incoming-service.ts';
import { listIncoming } from './search.ts';
import type { StoreContext } from './store-context.ts';

export interface StoreOptions {
  readonly db: Database;
  readonly filesDir: string;
  readonly maDinhDanh: string;
  readonly tenCoQuan?: string;
  readonly actor?: string;
  readonly clock?: () => Date;
}

/**
 * The store's synchronous API on one connection. It runs where the connection lives: in the
 * store worker for the app, directly in the CLI and in tests.
 */
export interface StoreApi {
  readonly context: StoreContext;
  addIncoming(input: IncomingInput, file?: IncomingFile): IncomingAddResult;
  getIncoming(id: string): IncomingDocument;
  listIncoming(filter?: Partial<DocumentFilter>): IncomingDocument[];
  transitionIncoming(id: string, to: IncomingState, note?: string): IncomingDocument;
  finalizeProvisional(id: string, soDen: number): IncomingDocument;
  verifyAudit(): AuditVerdict;
}

export function createStore(options: StoreOptions): StoreApi {
  const clock = options.clock ?? (() => new Date());
  const db = options.db;
  db.prepare(`INSERT INTO organizations (ma_dinh_danh, ten) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(
    options.maDinhDanh,
    options.tenCoQuan ?? options.maDinhDanh,
  );
  const context: StoreContext = {
    db,
    filesDir: options.filesDir,
    clock,
    maDinhDanh: options.maDinhDanh,
    actor: options.actor ?? 'van-thu',
    registers: createRegisterService(db, clock),
    outbox: createSqliteOutbox(db),
  };
  return {
    context,
    addIncoming: (input, file) => addIncoming(context, input, file),
    getIncoming: (id) => getIncoming(context, id),
    listIncoming: (filter) => listIncoming(context, filter),
    transitionIncoming: (id, to, note) => transitionIncoming(context, id, to, note),
    finalizeProvisional: (id, soDen) => finalizeProvisional(context, id, soDen),
    verifyAudit: () => verifyAudit(db),
  };
}
