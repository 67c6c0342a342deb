import type { AppError } from '../../../preload/contract/errors.ts';
import type { IssuingStage } from '../../../preload/contract/issuing.ts';
import type { ServerNumber } from '../../domain/numbering.ts';
import { officeStoreOn } from './office-store.ts';
import type { OutboxStore } from '../outbox/outbox-store.ts';
import { peopleStoreOn } from './people-store.ts';
import { loadPrintableRegister, type PrintableRegister, type RegisterRange } from './register-rows.ts';
import type { RegisterService } from './register-service.ts';
import { adoptForJob } from './registration-adoption.ts';
import { createStoreRegistersFeed, type StoreRegistersFeed } from './registers-feed-store.ts';
import { createStoreInboxSink, type StoreInboxSink } from './store-sinks.ts';
import { listRenumberings } from './renumberings.ts';
import type { StoreApi } from './store.ts';
import * as appendices from './appendices.ts';
import * as texts from './document-texts.ts';
import * as arrival from './arrival-gate.ts';
import { removeRecalledFile } from './recall-file.ts';
import { listArrangements, storeArrangements } from './calendar-store.ts';
import { claimNotices } from './notices.ts';
import { queueCounts } from './overview.ts';
import { linkReply } from './reply-link.ts';
import { similarAssigned } from './similar-assigned.ts';
import { computeReport } from './report-query.ts';
import * as issuing from './issuing.ts';
import { keepOutputs, stepInputs, type KeepOutputs } from './issuing-group.ts';
import * as workflow from './workflow-actions.ts';

/**
 * The typed request interface of the store worker: one entry per method the rest of the app
 * may call. Arguments and results cross the thread boundary by structured clone (Dates survive).
 */
export interface StoreMethods {
  'incoming.add': StoreApi['addIncoming'];
  'incoming.get': StoreApi['getIncoming'];
  'incoming.list': StoreApi['listIncoming'];
  'incoming.transition': StoreApi['transitionIncoming'];
  'incoming.finalizeProvisional': StoreApi['finalizeProvisional'];
  'incoming.setVerification': StoreApi['setVerification'];
  'audit.verify': StoreApi['verifyAudit'];
  'incoming.pendingChecks': (limit?: number) => ReturnType<typeof arrival.pendingArrivalChecks>;
  'incoming.setArrivalCheck': (
    id: string,
    check: Parameters<typeof arrival.setArrivalCheck>[2],
    verification: Record<string, unknown> | null,
  ) => ReturnType<typeof arrival.setArrivalCheck>;
  'incoming.removeRecalledFile': (id: string) => ReturnType<typeof removeRecalledFile>;
  'incoming.returnReason': (id: string) => ReturnType<typeof arrival.returnReason>;
  'texts.save': (text: texts.DocumentText) => void;
  'texts.get': (sha256: string) => texts.DocumentText | null;
  'incoming.assign': (
    id: string,
    input: Parameters<typeof workflow.assignIncoming>[2],
  ) => ReturnType<typeof workflow.assignIncoming>;
  'incoming.assignment': (id: string) => ReturnType<typeof workflow.getAssignment>;
  /** Past assigned documents with a trích yếu like this one (chủ trì suggestion). */
  'incoming.similarAssigned': (id: string, trichYeu: string) => ReturnType<typeof similarAssigned>;
  'incoming.attachment': (id: string) => ReturnType<typeof workflow.incomingAttachment>;
  'outgoing.return': (id: string, comment: string) => ReturnType<typeof workflow.returnOutgoing>;
  'outgoing.returns': (id: string) => ReturnType<typeof workflow.outgoingReturns>;
  'outgoing.attachAppendix': (
    id: string,
    input: Parameters<typeof appendices.attachOutgoingAppendix>[2],
  ) => ReturnType<typeof appendices.attachOutgoingAppendix>;
  'outgoing.removeAppendix': (id: string, sha256: string) => ReturnType<typeof appendices.removeOutgoingAppendix>;
  'outgoing.appendixFile': (id: string, sha256: string) => ReturnType<typeof appendices.outgoingAppendixFile>;
  'incoming.appendices': (id: string) => ReturnType<typeof appendices.incomingAppendices>;
  'incoming.appendixFile': (id: string, sha256: string) => ReturnType<typeof appendices.incomingAppendixFile>;
  'outgoing.create': StoreApi['createOutgoing'];
  'issuing.createDraft': (
    input: Parameters<typeof issuing.createDraft>[1],
    pdf: issuing.StoredInput,
    source: issuing.StoredInput,
  ) => ReturnType<typeof issuing.createDraft>;
  'issuing.files': (id: string) => ReturnType<typeof issuing.issuingFiles>;
  'issuing.reserveNumber': (
    id: string,
    from: string,
    online?: ServerNumber | null,
  ) => ReturnType<typeof issuing.reserveNumber>;
  'issuing.beginOutput': (output: issuing.OutputRecord) => void;
  'issuing.recordOutput': (output: issuing.OutputRecord) => ReturnType<typeof issuing.recordOutput>;
  'issuing.keepOutputs': (request: KeepOutputs) => ReturnType<typeof keepOutputs>;
  'issuing.stepInputs': (ids: readonly string[], stage: IssuingStage) => ReturnType<typeof stepInputs>;
  'issuing.pending': () => ReturnType<typeof issuing.pendingOutputs>;
  'issuing.dropPending': (id: string, stage: issuing.OutputStage) => ReturnType<typeof issuing.dropPending>;
  'issuing.publish': (id: string, checkedSha256: string) => ReturnType<typeof issuing.publishIssued>;
  'outgoing.get': StoreApi['getOutgoing'];
  'outgoing.list': StoreApi['listOutgoing'];
  'outgoing.submit': StoreApi['submitOutgoing'];
  'outgoing.markSigned': StoreApi['markSigned'];
  'outgoing.issueNumber': StoreApi['issueNumber'];
  'outgoing.markSealed': StoreApi['markSealed'];
  'outgoing.publish': StoreApi['publishOutgoing'];
  'outgoing.recall': StoreApi['recallOutgoing'];
  'outgoing.applyStatuses': StoreApi['applyRecipientStatuses'];
  'outgoing.awaitingStatuses': StoreApi['outgoingAwaitingStatuses'];
  'organizations.list': StoreApi['listOrganizations'];
  'organizations.search': StoreApi['searchOrganizations'];
  'directory.cursor': StoreApi['directoryCursor'];
  'directory.apply': StoreApi['applyDirectory'];
  'profile.get': StoreApi['getProfile'];
  'profile.update': StoreApi['updateProfile'];
  'registers.print': (key: { kind: 'den' | 'di'; year: number }, range: RegisterRange) => PrintableRegister;
  'registers.ensure': RegisterService['ensure'];
  'registers.list': RegisterService['list'];
  'registers.addLease': RegisterService['addLease'];
  'registers.leases': RegisterService['leases'];
  'registers.remaining': RegisterService['remaining'];
  'registers.cutUsedLeases': RegisterService['cutUsedLeases'];
  'registers.confirmReturn': RegisterService['confirmReturn'];
  'outbox.claimDue': OutboxStore['claimDue'];
  'outbox.markDone': OutboxStore['markDone'];
  'outbox.markDoneAndClaim': OutboxStore['markDoneAndClaim'];
  'outbox.markRetry': OutboxStore['markRetry'];
  'outbox.markFailed': OutboxStore['markFailed'];
  'outbox.pause': OutboxStore['pause'];
  'outbox.resume': OutboxStore['resume'];
  'outbox.dueNow': OutboxStore['dueNow'];
  'outbox.requeueInFlight': OutboxStore['requeueInFlight'];
  'outbox.get': OutboxStore['get'];
  'outbox.list': OutboxStore['list'];
  'outbox.counts': OutboxStore['counts'];
  'store.backup': (destination: string) => { path: string; bytes: number };
  'sync.inboxCursor': StoreInboxSink['inboxCursor'];
  'sync.applyInbox': StoreInboxSink['applyInbox'];
  'sync.registersCursor': StoreRegistersFeed['registersCursor'];
  'sync.applyRegisters': StoreRegistersFeed['applyRegisters'];
  'sync.replicaFiles': StoreRegistersFeed['replicaFiles'];
  'sync.keepReplicaFiles': StoreRegistersFeed['keepReplicaFiles'];
  'sync.adoptRegistration': (jobId: string, registration: Parameters<typeof adoptForJob>[2]) => boolean;
  'sync.renumberings': (limit: number) => ReturnType<typeof listRenumberings>;
  'office.recordStep': OfficeStoreMethods['recordStep'];
  'office.queue': OfficeStoreMethods['officeQueue'];
  'office.refused': OfficeStoreMethods['refusedSteps'];
  'office.case': OfficeStoreMethods['officeCase'];
  'office.cursor': OfficeStoreMethods['officeCursor'];
  'office.applyInbox': OfficeStoreMethods['applyOfficeInbox'];
  'office.missingFiles': OfficeStoreMethods['missingOfficeFiles'];
  'office.markFilesReady': OfficeStoreMethods['markOfficeFilesReady'];
  'office.caseOfOutgoing': OfficeStoreMethods['caseOfOutgoing'];
  'people.remember': PeopleStoreMethods['rememberPerson'];
  'people.local': PeopleStoreMethods['localPerson'];
  'people.colleagues': PeopleStoreMethods['colleaguesWith'];
  'incoming.linkReply': (incomingId: string, outgoingId: string | null) => ReturnType<typeof linkReply>;
  'overview.counts': () => ReturnType<typeof queueCounts>;
  'reports.compute': (request: Parameters<typeof computeReport>[1]) => ReturnType<typeof computeReport>;
  'notices.claim': (limit?: number) => ReturnType<typeof claimNotices>;
  'calendar.list': () => ReturnType<typeof listArrangements>;
  'calendar.store': (
    arrangements: Parameters<typeof storeArrangements>[1],
    source: Parameters<typeof storeArrangements>[2],
  ) => ReturnType<typeof storeArrangements>;
}

type OfficeStoreMethods = ReturnType<typeof officeStoreOn>;
type PeopleStoreMethods = ReturnType<typeof peopleStoreOn>;

export type StoreMethod = keyof StoreMethods;

export interface StoreRequest {
  readonly id: number;
  readonly method: StoreMethod;
  readonly args: readonly unknown[];
}

export type StoreResponse =
  | { readonly type: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly ok: false;
      readonly error: AppError;
      readonly bug: boolean;
    }
  | { readonly type: 'slow'; readonly method: StoreMethod; readonly ms: number }
  /** A call queued outbox work: sync should not wait for its next poll. */
  | { readonly type: 'queued'; readonly method: StoreMethod }
  | { readonly type: 'ready'; readonly schemaVersion: number }
  | { readonly type: 'fatal'; readonly error: AppError };

export interface StoreWorkerData {
  readonly databasePath: string;
  readonly filesDir: string;
  readonly maDinhDanh: string;
  readonly tenCoQuan: string;
  /** Fixed actor for the audit log; by default the local profile's role and name. */
  readonly actor?: string;
  /** Requests slower than this are reported to the main thread's log. */
  readonly slowMs: number;
  /** The profile key of an encrypted profile (copied to the worker, kept only in memory). */
  readonly key?: Uint8Array;
}

/** Build the method table over a synchronous store (in the worker, or in-process for the CLI). */
export function storeMethods(store: StoreApi, backup: StoreMethods['store.backup']): StoreMethods {
  const { registers, outbox } = store.context;
  const inbox = createStoreInboxSink(store.context);
  const registersFeed = createStoreRegistersFeed(store.context);
  const office = officeStoreOn(store.context);
  const people = peopleStoreOn(store.context);
  return {
    'incoming.add': (input, file, online) => store.addIncoming(input, file, online),
    'incoming.get': (id) => store.getIncoming(id),
    'incoming.list': (filter) => store.listIncoming(filter),
    'incoming.transition': (id, to, note, acceptReason, online) =>
      store.transitionIncoming(id, to, note, acceptReason, online),
    'incoming.finalizeProvisional': (id, soDen) => store.finalizeProvisional(id, soDen),
    'incoming.setVerification': (id, verification) => store.setVerification(id, verification),
    'audit.verify': () => store.verifyAudit(),
    'incoming.pendingChecks': (limit) => arrival.pendingArrivalChecks(store.context, limit),
    'incoming.setArrivalCheck': (id, check, verification) =>
      arrival.setArrivalCheck(store.context, id, check, verification),
    'incoming.removeRecalledFile': (id) => removeRecalledFile(store.context, id),
    'incoming.returnReason': (id) => arrival.returnReason(store.context, id),
    'texts.save': (text) => texts.saveDocumentText(store.context, text),
    'texts.get': (sha256) => texts.documentText(store.context, sha256),
    'incoming.assign': (id, input) => workflow.assignIncoming(store.context, id, input),
    'incoming.assignment': (id) => workflow.getAssignment(store.context, id),
    'incoming.similarAssigned': (id, trichYeu) => similarAssigned(store.context, id, trichYeu),
    'incoming.attachment': (id) => workflow.incomingAttachment(store.context, id),
    'outgoing.return': (id, comment) => workflow.returnOutgoing(store.context, id, comment),
    'outgoing.returns': (id) => workflow.outgoingReturns(store.context, id),
    'outgoing.attachAppendix': (id, input) => appendices.attachOutgoingAppendix(store.context, id, input),
    'outgoing.removeAppendix': (id, sha256) => appendices.removeOutgoingAppendix(store.context, id, sha256),
    'outgoing.appendixFile': (id, sha256) => appendices.outgoingAppendixFile(store.context, id, sha256),
    'incoming.appendices': (id) => appendices.incomingAppendices(store.context, id),
    'incoming.appendixFile': (id, sha256) => appendices.incomingAppendixFile(store.context, id, sha256),
    'outgoing.create': (input) => store.createOutgoing(input),
    'issuing.createDraft': (input, pdf, source) => issuing.createDraft(store.context, input, pdf, source),
    'issuing.files': (id) => issuing.issuingFiles(store.context, id),
    'issuing.reserveNumber': (id, from, online) => issuing.reserveNumber(store.context, id, from, online ?? null),
    'issuing.beginOutput': (output) => issuing.beginOutput(store.context, output),
    'issuing.recordOutput': (output) => issuing.recordOutput(store.context, output),
    'issuing.keepOutputs': (request) => keepOutputs(store.context, request),
    'issuing.stepInputs': (ids, stage) => stepInputs(store.context, ids, stage),
    'issuing.pending': () => issuing.pendingOutputs(store.context),
    'issuing.dropPending': (id, stage) => issuing.dropPending(store.context, id, stage),
    'issuing.publish': (id, checkedSha256) => issuing.publishIssued(store.context, id, checkedSha256),
    'outgoing.get': (id) => store.getOutgoing(id),
    'outgoing.list': (filter) => store.listOutgoing(filter),
    'outgoing.submit': (id) => store.submitOutgoing(id),
    'outgoing.markSigned': (id, path) => store.markSigned(id, path),
    'outgoing.issueNumber': (id) => store.issueNumber(id),
    'outgoing.markSealed': (id, path) => store.markSealed(id, path),
    'outgoing.publish': (id) => store.publishOutgoing(id),
    'outgoing.recall': (id, reason) => store.recallOutgoing(id, reason),
    'outgoing.applyStatuses': (updates) => store.applyRecipientStatuses(updates),
    'outgoing.awaitingStatuses': (limit) => store.outgoingAwaitingStatuses(limit),
    'organizations.list': (page) => store.listOrganizations(page),
    'organizations.search': (text, limit) => store.searchOrganizations(text, limit),
    'directory.cursor': () => store.directoryCursor(),
    'directory.apply': (items, nextCursor) => store.applyDirectory(items, nextCursor),
    'profile.get': () => store.getProfile(),
    'profile.update': (patch) => store.updateProfile(patch),
    'registers.print': (key, range) =>
      loadPrintableRegister(
        store.context.db,
        registers.ensure({ maDinhDanh: store.context.maDinhDanh, ...key }),
        range,
      ),
    'registers.ensure': (key) => registers.ensure(key),
    'registers.list': (maDinhDanh) => registers.list(maDinhDanh),
    'registers.addLease': (id, lease) => registers.addLease(id, lease),
    'registers.leases': (id) => registers.leases(id),
    'registers.remaining': (id) => registers.remaining(id),
    'registers.cutUsedLeases': (id) => registers.cutUsedLeases(id),
    'registers.confirmReturn': (id) => registers.confirmReturn(id),
    'outbox.claimDue': (now, limit) => outbox.claimDue(now, limit),
    'outbox.markDone': (id, now) => outbox.markDone(id, now),
    'outbox.markDoneAndClaim': (id, now, limit) => outbox.markDoneAndClaim(id, now, limit),
    'outbox.markRetry': (id, next, error, now) => outbox.markRetry(id, next, error, now),
    'outbox.markFailed': (id, error, now) => outbox.markFailed(id, error, now),
    'outbox.pause': (id) => outbox.pause(id),
    'outbox.resume': (id) => outbox.resume(id),
    'outbox.dueNow': (now) => outbox.dueNow(now),
    'outbox.requeueInFlight': () => outbox.requeueInFlight(),
    'outbox.get': (id) => outbox.get(id),
    'outbox.list': (filter) => outbox.list(filter),
    'outbox.counts': () => outbox.counts(),
    'store.backup': backup,
    'sync.inboxCursor': () => inbox.inboxCursor(),
    'sync.applyInbox': (items, next) => inbox.applyInbox(items, next),
    'sync.registersCursor': () => registersFeed.registersCursor(),
    'sync.applyRegisters': (items, next) => registersFeed.applyRegisters(items, next),
    'sync.replicaFiles': (documentId) => registersFeed.replicaFiles(documentId),
    'sync.keepReplicaFiles': (documentId) => registersFeed.keepReplicaFiles(documentId),
    'sync.adoptRegistration': (jobId, registration) => adoptForJob(store.context, jobId, registration),
    'sync.renumberings': (limit) => listRenumberings(store.context.db, limit),
    'office.recordStep': (input) => office.recordStep(input),
    'office.queue': (username) => office.officeQueue(username),
    'office.refused': (username) => office.refusedSteps(username),
    'office.case': (caseId) => office.officeCase(caseId),
    'office.cursor': (username) => office.officeCursor(username),
    'office.applyInbox': (username, items, next) => office.applyOfficeInbox(username, items, next),
    'office.missingFiles': (username) => office.missingOfficeFiles(username),
    'office.markFilesReady': (username) => office.markOfficeFilesReady(username),
    'office.caseOfOutgoing': (documentId) => office.caseOfOutgoing(documentId),
    'people.remember': (person, verifier, colleagues) => people.rememberPerson(person, verifier, colleagues),
    'people.local': (username) => people.localPerson(username),
    'people.colleagues': (maDinhDanh, role) => people.colleaguesWith(maDinhDanh, role),
    'incoming.linkReply': (incomingId, outgoingId) => linkReply(store.context, incomingId, outgoingId),
    'overview.counts': () => queueCounts(store.context),
    'reports.compute': (request) => computeReport(store.context, request),
    'notices.claim': (limit) => claimNotices(store.context, limit),
    'calendar.list': () => listArrangements(store.context.db),
    'calendar.store': (arrangements, source) =>
      storeArrangements(store.context.db, arrangements, source, store.context.clock()),
  };
}
