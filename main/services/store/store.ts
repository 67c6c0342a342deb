import type { ServerNumber } from '../../domain/numbering.ts';
import type { Database } from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { isValidMaDinhDanh } from '../../domain/ma-dinh-danh.ts';
import type {
  DocumentFilter,
  IncomingAddResult,
  IncomingDocument,
  IncomingInput,
} from '../../../preload/contract/incoming.ts';
import type { OutgoingDocument, OutgoingInput } from '../../../preload/contract/outgoing.ts';
import type { Organization, UserProfile, UserProfilePatch } from '../../../preload/contract/organizations.ts';
import type { IncomingState } from '../../domain/document-states.ts';
import { createSqliteOutbox } from '../outbox/sqlite-outbox.ts';
import { createRegisterService } from './register-service.ts';
import { verifyAudit, type AuditVerdict } from './audit.ts';
import { loadDueCalendar } from './calendar-store.ts';
import {
  addIncoming,
  finalizeProvisional,
  setVerification,
  transitionIncoming,
  type IncomingFile,
  type OnlineRegistration,
} from './incoming-service.ts';
import { getIncoming } from './incoming-rows.ts';
import {
  createOutgoing,
  getOutgoing,
  issueNumber,
  listOutgoing,
  markSealed,
  type OutgoingListFilter,
  markSigned,
  publishOutgoing,
  recallOutgoing,
  submitOutgoing,
} from './outgoing-service.ts';
import { createOrganizationDirectory, type DirectoryPage } from './organizations.ts';
import {
  applyRecipientStatuses,
  documentsAwaitingStatuses,
  type AppliedStatuses,
  type RecipientStatusUpdate,
} from './recipient-statuses.ts';
import { listIncoming } from './search.ts';
import { actorOf, getUserProfile, updateUserProfile } from './user-profile.ts';
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
  addIncoming(input: IncomingInput, file?: IncomingFile, online?: OnlineRegistration): IncomingAddResult;
  getIncoming(id: string): IncomingDocument;
  listIncoming(filter?: Partial<DocumentFilter>): IncomingDocument[];
  transitionIncoming(
    id: string,
    to: IncomingState,
    note?: string,
    acceptReason?: string,
    online?: ServerNumber | null,
  ): IncomingDocument;
  finalizeProvisional(id: string, soDen: number): IncomingDocument;
  /** Keep the signature verification result of an incoming document (JSON from the verifier). */
  setVerification(id: string, verification: Record<string, unknown>): void;
  verifyAudit(): AuditVerdict;
  createOutgoing(input: OutgoingInput): OutgoingDocument;
  getOutgoing(id: string): OutgoingDocument;
  listOutgoing(filter?: OutgoingListFilter): OutgoingDocument[];
  submitOutgoing(id: string): OutgoingDocument;
  markSigned(id: string, filePath: string): OutgoingDocument;
  issueNumber(id: string): OutgoingDocument;
  markSealed(id: string, filePath: string): OutgoingDocument;
  publishOutgoing(id: string): OutgoingDocument;
  recallOutgoing(id: string, reason: string): OutgoingDocument;
  /** Recipients' reports from sync, for many documents in one transaction. */
  applyRecipientStatuses(updates: readonly RecipientStatusUpdate[]): AppliedStatuses;
  /** Published or recalled documents whose recipients may still report (sync polls these). */
  outgoingAwaitingStatuses(limit?: number): string[];
  listOrganizations(options?: { limit?: number; offset?: number }): { items: Organization[]; total: number };
  searchOrganizations(text: string, limit?: number): Organization[];
  /** The DirectorySink of sync: its cursor, and a page applied with the cursor after it. */
  directoryCursor(): string | null;
  applyDirectory(items: readonly { maDinhDanh: string; ten: string }[], nextCursor: string): DirectoryPage;
  getProfile(): UserProfile;
  updateProfile(patch: UserProfilePatch): UserProfile;
}

export function createStore(options: StoreOptions): StoreApi {
  const clock = options.clock ?? (() => new Date());
  const db = options.db;
  if (!isValidMaDinhDanh(options.maDinhDanh)) {
    throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', '(mã định danh cơ quan không đúng dạng)'), {
      details: { maDinhDanh: options.maDinhDanh },
    });
  }
  // The due triggers count working days on the year's announced arrangement, where one is stored.
  loadDueCalendar(db);
  const directory = createOrganizationDirectory(db);
  directory.upsertLocal({ maDinhDanh: options.maDinhDanh, ten: options.tenCoQuan ?? options.maDinhDanh }, clock());
  // Audit entries name who acted: the local profile (role and name) unless the caller fixes it.
  let actor = options.actor ?? actorOf(getUserProfile(db, options.maDinhDanh));
  const context: StoreContext = {
    db,
    filesDir: options.filesDir,
    clock,
    maDinhDanh: options.maDinhDanh,
    get actor() {
      return actor;
    },
    registers: createRegisterService(db, clock),
    outbox: createSqliteOutbox(db),
  };
  return {
    context,
    addIncoming: (input, file, online) => addIncoming(context, input, file, online),
    getIncoming: (id) => getIncoming(context, id),
    listIncoming: (filter) => listIncoming(context, filter),
    transitionIncoming: (id, to, note, acceptReason, online) =>
      transitionIncoming(context, id, to, note, acceptReason, online),
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
    applyRecipientStatuses: (updates) => applyRecipientStatuses(context, updates),
    outgoingAwaitingStatuses: (limit) => documentsAwaitingStatuses(context, limit),
    listOrganizations: (page) => ({ items: directory.list(page), total: directory.count() }),
    searchOrganizations: (text, limit) => directory.search(text, limit),
    directoryCursor: () => directory.cursor(),
    applyDirectory: (items, nextCursor) => directory.applyPage(items, nextCursor, clock()),
    getProfile: () => getUserProfile(db, options.maDinhDanh),
    updateProfile: (patch) => {
      const profile = updateUserProfile(db, options.maDinhDanh, patch, actor, clock());
      actor = options.actor ?? actorOf(profile);
      return profile;
    },
  };
}
