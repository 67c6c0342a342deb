import type { Database } from 'better-sqlite3';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import { isValidMaDinhDanh } from '../../domain/ma-dinh-danh.ts';
import type {
  DocumentFilter,
  IncomingAddResult,
  IncomingDocument,
  IncomingInput,
} from '../../../preload/contract/incoming.ts';
import type { OutgoingDocument, OutgoingInput } from '../../../preload/contract/outgoing.ts';
import type { IncomingState, OutgoingState } from '../../domain/document-states.ts';
import { createSqliteOutbox } from '../outbox/sqlite-outbox.ts';
import { createRegisterService } from '../registers/register-service.ts';
import { verifyAudit, type AuditVerdict } from './audit.ts';
import {
  addIncoming,
  finalizeProvisional,
  getIncoming,
  setVerification,
  transitionIncoming,
  type IncomingFile,
} from './incoming-service.ts';
import {
  createOutgoing,
  getOutgoing,
  issueNumber,
  listOutgoing,
  markSealed,
  markSigned,
  publishOutgoing,
  recallOutgoing,
  submitOutgoing,
} from './outgoing-service.ts';
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
  /** Keep the signature verification result of an incoming document (JSON from the verifier). */
  setVerification(id: string, verification: Record<string, unknown>): void;
  verifyAudit(): AuditVerdict;
  createOutgoing(input: OutgoingInput): OutgoingDocument;
  getOutgoing(id: string): OutgoingDocument;
  listOutgoing(filter?: { state?: OutgoingState; limit?: number }): OutgoingDocument[];
  submitOutgoing(id: string): OutgoingDocument;
  markSigned(id: string, filePath: string): OutgoingDocument;
  issueNumber(id: string): OutgoingDocument;
  markSealed(id: string, filePath: string): OutgoingDocument;
  publishOutgoing(id: string): OutgoingDocument;
  recallOutgoing(id: string, reason: string): OutgoingDocument;
}

export function createStore(options: StoreOptions): StoreApi {
  const clock = options.clock ?? (() => new Date());
  const db = options.db;
  if (!isValidMaDinhDanh(options.maDinhDanh)) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', '(mã định danh cơ quan không đúng dạng)'), {
      details: { maDinhDanh: options.maDinhDanh },
    });
  }
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
    setVerification: (id, verification) => setVerification(context, id, verification),
    verifyAudit: () => verifyAudit(db),
    createOutgoing: (input) => createOutgoing(context, input),
    getOutgoing: (id) => getOutgoing(context, id),
    listOutgoing: (filter) => listOutgoing(context, filter),
    submitOutgoing: (id) => submitOutgoing(context, id),
    markSigned: (id, path) => markSigned(context, id, path),
    issueNumber: (id) => issueNumber(context, id),
    markSealed: (id, path) => markSealed(context, id, path),
    publishOutgoing: (id) => publishOutgoing(context, id),
    recallOutgoing: (id, reason) => recallOutgoing(context, id, reason),
  };
}
