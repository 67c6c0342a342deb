import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  errorMessageVi,
  isVanthuError,
  VanthuError,
  type AppError,
  type DraftPage,
  type EventPayload,
  type IssuingFile,
  type IssuingStage,
  type IssuingSignResult,
  type PlacedFields,
  type SignerChoice,
} from '../../../preload/contract/index.ts';
import type { OutgoingDocument, OutgoingInput } from '../../../preload/contract/outgoing.ts';
import type { ServerNumber } from '../../domain/numbering.ts';
import { staysOnWorkstation } from '../../domain/secrecy.ts';
import { vietnamYear } from '../../domain/vietnam-time.ts';
import type { EventBus } from '../events/event-bus.ts';
import { pacedProgress } from '../events/progress-pacer.ts';
import type { FileIntake } from '../files/file-intake.ts';
import type { Logger } from '../log/logger.ts';
import type { SigningService } from '../signing/signing-service.ts';
import type { PageRenderer } from '../pdf/layout/page-renderer.ts';
import { prepareFields } from '../signing/prepare.ts';
import { writeAttachmentFile } from '../store/attachments.ts';
import { chainBroken, type OutputStage } from '../store/issuing.ts';
import type { StoreCall } from '../store/store-client.ts';
import type { OnlineNumbers } from '../sync/online-numbers.ts';
import type { ChainChecker, InputCheck } from './chain-checker.ts';
import type { RecordNumber } from './chain-checks.ts';
import { readStoredFile } from './stored-file.ts';
import { draftPage, placedBoxes } from './draft-fields.ts';
import { withPrivateScratch } from '../disk/private-scratch.ts';
import { outputKeeper } from './output-keeper.ts';
import { recoverOutputs, type RecoveryReport } from './recovery.ts';
import { requireRole } from './roles.ts';

export interface IssuingService {
  createDraft(
    input: OutgoingInput,
    pdfHandle: string,
    sourceHandle: string,
    placed?: PlacedFields,
  ): Promise<OutgoingDocument>;
  /** A page of a chosen draft PDF, to place a field its text did not reveal. */
  draftPage(pdfHandle: string, pageIndex: number): Promise<DraftPage>;
  sign(request: {
    ids: readonly string[];
    signer: SignerChoice;
    pin: string | null;
    batchId?: string;
  }): Promise<IssuingSignResult>;
  issueNumber(id: string): Promise<OutgoingDocument>;
  seal(request: { id: string; signer: SignerChoice; pin: string | null }): Promise<OutgoingDocument>;
  publish(id: string): Promise<OutgoingDocument>;
  files(id: string): Promise<IssuingFile[]>;
  /** Adopt or clean the outputs a crash left written but unrecorded; runs once before the first step. */
  recover(): Promise<RecoveryReport>;
  /** Load the chain checks now (the app, once open), so the leader's first batch does not wait for them. */
  warm(): void;
}

export interface IssuingDeps {
  readonly store: StoreCall;
  readonly filesDir: string;
  /**
   * Profile scratch space for the signing engine's output before it enters the store: each call
   * gets its own 0700 folder there, removed when the call ends (the engine writes to a path).
   */
  readonly scratchDir: string;
  readonly signing: Pick<SigningService, 'signFiles' | 'writeNumber'>;
  /** Reads each step's stored input and checks inputs and outputs (a worker thread in the app). */
  readonly checker: ChainChecker;
  readonly intake: FileIntake;
  readonly events: EventBus;
  readonly log: Logger;
  /** Cấp số online takes the server's next number (in order); without it, or offline, the block's. */
  readonly numbers?: OnlineNumbers;
  /** Renders a draft's page for placing a missing field; without it the preview has no image. */
  readonly pageRenderer?: PageRenderer;
  /** Least time between two progress events of a batch (tests: 0, an event for every document). */
  readonly progressIntervalMs?: number;
}

/** A tenth of a second: the bar moves ten times a second, as fast as anyone reads it. */
const PROGRESS_INTERVAL_MS = 100;

function toAppError(error: unknown): AppError {
  if (isVanthuError(error)) {
    return error.toAppError();
  }
  return { code: 'INTERNAL', message: errorMessageVi('INTERNAL'), retryable: false };
}

/** The number and date a file must carry: the record's. */
function recordOf(doc: OutgoingDocument): RecordNumber {
  return { soKyHieu: doc.soKyHieu, ngayBanHanh: doc.ngayBanHanh };
}

function stateRefused(doc: OutgoingDocument, to: string): VanthuError {
  return new VanthuError('STATE_TRANSITION_INVALID', errorMessageVi('STATE_TRANSITION_INVALID'), {
    details: { from: doc.state, to },
  });
}

/**
 * The journey of an outgoing document (issue #15), in main. Each action: the role may do it; the
 * input is the document's stored file (read back and its hash checked); the previous step's output
 * is checked (chain-checks.ts); the step runs into scratch space; its output is checked, announced
 * (`issuing_pending`), written into the content store and recorded in one transaction. A refusal
 * writes nothing; a crash leaves at most an announced output, which `recover` adopts or cleans.
 */
export function createIssuingService(deps: IssuingDeps): IssuingService {
  const { store } = deps;
  let recovered: Promise<RecoveryReport> | undefined;
  const ready = (): Promise<RecoveryReport> => {
    recovered ??= recoverOutputs({ store, filesDir: deps.filesDir, scratchDir: deps.scratchDir, log: deps.log }).catch(
      (error: unknown) => {
        recovered = undefined;
        throw error;
      },
    );
    return recovered;
  };
  /**
   * The server's number for a document not numbered yet, in the main series it keeps; one key per
   * document and year, so a cấp số retried after a crash asks again and gets the same number.
   */
  const serverNumber = async (doc: OutgoingDocument): Promise<ServerNumber | null> => {
    if (deps.numbers === undefined || doc.so !== null || doc.series !== '' || staysOnWorkstation(doc.doMat)) {
      return null;
    }
    const year = vietnamYear(new Date());
    return deps.numbers.take('di', year, doc.id, `cap-so:${doc.id}:${year}`);
  };

  // One step at a time per document: two clicks must not race to the same transition.
  const locks = new Map<string, Promise<unknown>>();
  const exclusive = async <T>(id: string, step: () => Promise<T>): Promise<T> => {
    const before = locks.get(id) ?? Promise.resolve();
    const run = before.then(step, step);
    const tail = run.catch(() => undefined);
    locks.set(id, tail);
    try {
      return await run;
    } finally {
      if (locks.get(id) === tail) {
        locks.delete(id);
      }
    }
  };

  // Inputs reach the engine as bytes read through the file store (decrypted in an encrypted
  // profile); only its outputs touch the disk, in a private folder that goes with the call.
  const scratch = <T>(work: (dir: string) => Promise<T>): Promise<T> => withPrivateScratch(deps.scratchDir, work);

  /** A stored file read back, refused if its bytes no longer hash to its name. */
  const readStored = (sha256: string, stage: string): Uint8Array => readStoredFile(deps.filesDir, sha256, stage);

  /**
   * The documents at a step's input, from the store in one call: each in `state`, its file the
   * stage's recorded file. Each answers alone, as a refusal. The file itself is read and checked
   * by the checker (`deps.checker.input`).
   */
  const inputsOf = async (
    ids: readonly string[],
    state: OutgoingDocument['state'],
    stage: IssuingStage,
    to: string,
  ): Promise<Array<{ doc: OutgoingDocument; sha: string } | VanthuError>> =>
    (await store('issuing.stepInputs', ids, stage)).map((read) => {
      if (!read.ok) {
        return VanthuError.fromAppError(read.error);
      }
      const { doc, stageSha256: sha } = read.value;
      if (doc.state !== state) {
        return stateRefused(doc, to);
      }
      if (sha === null || doc.fileSha256 !== sha) {
        return chainBroken('INPUT_CHANGED', 'Tệp của văn bản không phải tệp của bước trước.', { stage });
      }
      return { doc, sha };
    });

  /** The document at a step's input, its file read back and checked (one document's step: its refusal thrown). */
  const inputOf = async (
    id: string,
    state: OutgoingDocument['state'],
    stage: IssuingStage,
    to: string,
    check: InputCheck,
  ) => {
    const [input] = await inputsOf([id], state, stage, to);
    if (input === undefined || input instanceof VanthuError) {
      throw input ?? new VanthuError('INTERNAL', errorMessageVi('INTERNAL'));
    }
    const bytes = await deps.checker.input(input.sha, stage, check, recordOf(input.doc));
    return { ...input, bytes };
  };

  /** Announce, store, record: the one order that lets recovery find whatever a crash left (shared commits). */
  const keeper = outputKeeper(store, deps.filesDir);

  const signOne = async (
    stage: OutputStage,
    signer: SignerChoice,
    pin: string | null,
    items: ReadonlyArray<{ id: string; from: string; load: () => Promise<Uint8Array>; outPath: string }>,
    check: (id: string, bytes: Uint8Array) => Promise<void>,
    onProgress: (done: number, total: number, id: string | null) => void,
  ) => {
    const byOut = new Map(items.map((i) => [i.outPath, i]));
    const recorded = new Map<string, OutgoingDocument>();
    // Checking and recording a signed file runs while the next one is signed (the token and the
    // store worker wait on different things); each document's own order — check, announce, store,
    // record — is unchanged, so recovery finds whatever a crash leaves. Awaited before returning.
    const keeping = new Map<string, Promise<AppError | null>>();
    // A batch's outputs share their commits (output-keeper.ts); held until every check has run.
    const checks: Array<Promise<unknown>> = [];
    const release = items.length > 1 ? keeper.hold() : () => undefined;
    const signing = deps.signing.signFiles(
      { ...signer, pin, longTerm: false },
      stage === 'da-ky' ? { kind: 'sign', role: 'personal', certify: 2 } : { kind: 'seal', lock: true },
      // The path only names the input in results; the engine signs the bytes given.
      items.map((i) => ({ path: i.from, outPath: i.outPath, load: i.load })),
      {
        // The engine's output comes in memory, is checked, and is stored durably by the keeper.
        inMemory: true,
        // By position: two documents may hold byte-identical drafts (one stored file, one path).
        onProgress: (done, total, current) =>
          onProgress(done, total, current === undefined ? null : (items[done]?.id ?? null)),
        onSigned: async (file, signed) => {
          const item = byOut.get(file.outPath);
          if (item === undefined) {
            throw new Error('signed file not in the batch');
          }
          const { bytes } = file;
          const checked = check(item.id, bytes);
          checks.push(checked.catch(() => undefined));
          const work = (async () => {
            await checked;
            recorded.set(
              item.id,
              await keeper.keep({ id: item.id, stage, from: item.from }, bytes, items.length > 1, signed.sha256),
            );
          })();
          // Settled into a value at once: a refusal is this document's result, never an unhandled rejection.
          keeping.set(
            item.outPath,
            work.then(
              () => null,
              (error: unknown) => toAppError(error),
            ),
          );
          return Promise.resolve();
        },
      },
    );
    let results: Awaited<typeof signing>;
    try {
      results = await signing;
    } finally {
      await Promise.all(checks);
      release();
    }
    const kept = new Map<string, AppError | null>();
    for (const [outPath, work] of keeping) {
      kept.set(outPath, await work);
    }
    return results.map((r) => {
      const item = byOut.get(r.outPath);
      const doc = item === undefined ? undefined : recorded.get(item.id);
      const keptError = kept.get(r.outPath) ?? null;
      if (r.ok && keptError !== null) {
        return { id: item?.id ?? '', ok: false as const, error: keptError };
      }
      return r.ok && item !== undefined && doc !== undefined
        ? { id: item.id, ok: true as const, document: doc }
        : { id: item?.id ?? '', ok: false as const, error: r.ok ? toAppError(undefined) : r.error };
    });
  };

  return {
    recover: ready,
    warm: () => deps.checker.warm?.(),

    async draftPage(pdfHandle, pageIndex) {
      await requireRole(store, 'outgoing.draft');
      const pdf = deps.intake.get(pdfHandle, 'pdf');
      return draftPage(readStored(pdf.sha256, 'du-thao'), pageIndex, deps.pageRenderer);
    },

    async createDraft(input, pdfHandle, sourceHandle, placed) {
      await requireRole(store, 'outgoing.draft');
      const pdf = deps.intake.get(pdfHandle, 'pdf');
      const source = deps.intake.get(sourceHandle, 'nguon');
      return scratch(async (dir) => {
        const outPath = join(dir, 'du-thao.pdf');
        const draft = readStored(pdf.sha256, 'du-thao');
        // The draft carries its số, date and signature fields from the start, so the leader signs
        // exactly the file the văn thư will number and seal. A field the text does not reveal is
        // refused here (PDF_FIELD_PLACEMENT_NOT_FOUND) until a person places it.
        const boxes = await placedBoxes(draft, placed);
        await prepareFields({
          path: pdf.sha256,
          bytes: draft,
          outPath,
          signers: ['personal', 'organization'],
          placement: 'auto',
          ...boxes,
        });
        const bytes = new Uint8Array(readFileSync(outPath));
        const sha256 = writeAttachmentFile(deps.filesDir, bytes);
        const doc = await store(
          'issuing.createDraft',
          input,
          { sha256, size: bytes.byteLength, name: pdf.name, mediaType: 'application/pdf' },
          source,
        );
        deps.intake.release(pdfHandle);
        deps.intake.release(sourceHandle);
        deps.log.info('issuing.draft', { id: doc.id });
        return doc;
      });
    },

    async sign({ ids, signer, pin, batchId }) {
      await requireRole(store, 'outgoing.sign');
      await ready();
      const unique = [...new Set(ids)];
      const progress = pacedProgress(
        (p: EventPayload<'issuing.progress'>) => deps.events.emit('issuing.progress', p),
        deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
      );
      const at = (done: number, currentId: string | null): EventPayload<'issuing.progress'> => ({
        batchId: batchId ?? null,
        done,
        total: unique.length,
        currentId,
      });
      const refused = new Map<string, AppError>();
      // Every document's record read in one store call; each draft is then read back and checked
      // by the checker while the token logs in and the drafts before it are signed (the engine
      // awaits each one at its turn). The batch keeps the order the leader chose.
      const read = await inputsOf(unique, 'trinh-ky', 'du-thao', 'da-ky');
      // Signed in memory, nothing is written; the private folder only names the outputs, and
      // would hold them should an operation ever write its output after all. A batch that fails
      // as a whole (a wrong PIN, the token pulled) leaves no late progress event behind its answer.
      return scratch(async (dir) => {
        const drafts = new Map<string, Promise<Uint8Array>>();
        const items: Array<{ id: string; from: string; load: () => Promise<Uint8Array>; outPath: string }> = [];
        for (const [index, id] of unique.entries()) {
          const input = read[index];
          if (input === undefined || input instanceof VanthuError) {
            refused.set(id, toAppError(input));
            continue;
          }
          const draft = deps.checker.input(input.sha, 'du-thao', 'draft');
          // Its refusal is the document's result, given by the engine; a failed login leaves it unread.
          draft.catch(() => undefined);
          drafts.set(id, draft);
          items.push({ id, from: input.sha, load: () => draft, outPath: join(dir, `${index}.pdf`) });
        }
        const checkSigned = async (id: string, bytes: Uint8Array): Promise<void> => {
          const draft = drafts.get(id);
          if (draft === undefined) {
            throw new Error('signed file not in the batch');
          }
          await deps.checker.output('signed', bytes, await draft);
        };
        const signed =
          items.length === 0
            ? []
            : await signOne(
                'da-ky',
                signer,
                pin,
                items,
                checkSigned,
                // Refused documents count as handled already; the end is announced once, below.
                (done, _total, id) => (id === null ? undefined : progress.report(at(refused.size + done, id))),
              );
        const byId = new Map(signed.map((r) => [r.id, r]));
        const results = unique.map(
          (id) => byId.get(id) ?? { id, ok: false as const, error: refused.get(id) ?? toAppError(undefined) },
        );
        progress.finish(at(unique.length, null));
        const failed = results.filter((r) => !r.ok).length;
        deps.log.info('issuing.sign', { total: results.length, failed });
        return { total: results.length, failed, results };
      }).finally(() => progress.stop());
    },

    issueNumber: (id) =>
      exclusive(id, async () => {
        await requireRole(store, 'outgoing.issueNumber');
        await ready();
        const { doc: signed, sha, bytes } = await inputOf(id, 'da-ky', 'da-ky', 'da-cap-so', 'signed');
        const doc = await store('issuing.reserveNumber', id, sha, await serverNumber(signed));
        const { soKyHieu, ngayBanHanh } = doc;
        if (soKyHieu === null || ngayBanHanh === null) {
          throw chainBroken('NOT_NUMBERED', 'Văn bản chưa được cấp số.', { stage: 'da-cap-so' });
        }
        return scratch(async (dir) => {
          const outPath = join(dir, 'da-cap-so.pdf');
          await deps.signing.writeNumber({
            path: sha,
            bytes,
            outPath,
            soKyHieu,
            ngayBanHanh,
          });
          const numbered = new Uint8Array(readFileSync(outPath));
          await deps.checker.output('numbered', numbered, bytes, recordOf(doc));
          const after = await keeper.keep({ id, stage: 'da-cap-so', from: sha }, numbered);
          deps.log.info('issuing.issueNumber', { id, so: after.so });
          return after;
        });
      }),

    seal: ({ id, signer, pin }) =>
      exclusive(id, async () => {
        await requireRole(store, 'outgoing.seal');
        await ready();
        const { doc, sha, bytes } = await inputOf(id, 'da-cap-so', 'da-cap-so', 'da-dong-dau', 'numbered');
        return scratch(async (dir) => {
          const [result] = await signOne(
            'da-dong-dau',
            signer,
            pin,
            [{ id, from: sha, load: () => Promise.resolve(bytes), outPath: join(dir, 'da-dong-dau.pdf') }],
            (_id, sealed) => deps.checker.output('sealed', sealed, bytes, recordOf(doc)),
            () => undefined,
          );
          if (result === undefined || !result.ok) {
            const error = result?.ok === false ? result.error : toAppError(undefined);
            throw VanthuError.fromAppError(error);
          }
          deps.log.info('issuing.seal', { id });
          return result.document;
        });
      }),

    publish: (id) =>
      exclusive(id, async () => {
        await requireRole(store, 'outgoing.publish');
        await ready();
        const { sha } = await inputOf(id, 'da-dong-dau', 'da-dong-dau', 'da-phat-hanh', 'sealed');
        const published = await store('issuing.publish', id, sha);
        deps.log.info('issuing.publish', { id });
        return published;
      }),

    files: (id) => store('issuing.files', id),
  };
}
