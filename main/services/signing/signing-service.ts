import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type {
  AppendixRequestSchema,
  BatchRequestSchema,
  BatchResult,
  CopyRequestSchema,
  WriteNumberRequestSchema,
  PrepareRequestSchema,
  SealRequestSchema,
  SignedFile,
  SignRequestSchema,
  SigningOperation,
} from '../../../preload/contract/signing.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import { runBatch, type BatchItemResult } from '../pdf/sign/batch.ts';
import { addDss } from '../pdf/sign/dss.ts';
import { assertPdfBytes, readPdfInput } from '../pdf/sign/input.ts';
import { writeNumber } from '../pdf/sign/write-number.ts';
import type { SignResult } from '../pdf/sign/sign.ts';
import type { Signer } from '../pdf/signer.ts';
import {
  createFileRevocationCache,
  type CachedRevocation,
  type RevocationCache,
} from '../pdf/verify/revocation-cache.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { TokenService } from '../tokens/token-service.ts';
import { tsaTimestampSource } from '../tsa/client.ts';
import { trustStoreCertificates } from './chain.ts';
import { loadSigningImages } from './images.ts';
import { collectLongTermMaterial, type CollectedMaterial } from './long-term.ts';
import { openSigningSession } from './open-session.ts';
import { imageKindOf, runOperation } from './operations.ts';
import { prepareFields } from './prepare.ts';

type Req<S extends z.ZodType> = z.output<S>;
/** The token, key, PIN and TSA fields every signing request carries. */
export type TokenRequest = Omit<Req<typeof BatchRequestSchema>, 'files' | 'operation' | 'batchId'>;

/** What a caller that records each signed file (the issuing workflow) hears during a batch. */
export interface SignFilesHooks {
  readonly onProgress?: (done: number, total: number, current: string | undefined) => void;
  /**
   * Called with each signed file before the next one is signed; a throw becomes that file's
   * error and the batch goes on.
   */
  readonly onSigned?: (file: { path: string; outPath: string; bytes: Uint8Array }, signed: SignedFile) => Promise<void>;
  /**
   * Signed and sealed files are handed to `onSigned` in memory and written nowhere (`outPath`
   * then only names them): the caller checks them and stores them durably itself (the workflow's
   * content store). Writing, reading back and deleting a scratch copy of each was a third of
   * the main thread's work in a batch of a hundred (issue #15).
   */
  readonly inMemory?: boolean;
}

/**
 * A file to sign: by path, or its bytes in memory (`path` then only names it), or bytes a caller
 * is still reading and checking (`load`, awaited when the file's turn comes, so the batch signs
 * the first file while the later ones are read; a rejection is that file's result).
 */
export interface SignInput {
  readonly path: string;
  readonly outPath: string;
  readonly bytes?: Uint8Array;
  readonly load?: () => Promise<Uint8Array>;
}

export interface SigningService {
  prepare(
    request: Req<typeof PrepareRequestSchema>,
  ): Promise<{ path: string; sha256: string; fields: string[]; bytesAdded: number }>;
  sign(request: Req<typeof SignRequestSchema>): Promise<SignedFile>;
  /** `bytes`, when given, is the input itself (a stored file read through the store); `path` then only names it. */
  writeNumber(
    request: Req<typeof WriteNumberRequestSchema> & { readonly bytes?: Uint8Array },
  ): Promise<{ path: string; sha256: string; soText: string; ngayText: string; bytesAdded: number }>;
  seal(request: Req<typeof SealRequestSchema>): Promise<SignedFile>;
  appendix(request: Req<typeof AppendixRequestSchema> & { readonly bytes?: Uint8Array }): Promise<SignedFile>;
  copy(request: Req<typeof CopyRequestSchema>): Promise<SignedFile>;
  batch(request: Req<typeof BatchRequestSchema>): Promise<BatchResult>;
  /** One login for many files, no events: the caller reports progress in its own terms. */
  signFiles(
    token: TokenRequest,
    operation: SigningOperation,
    files: ReadonlyArray<SignInput>,
    hooks?: SignFilesHooks,
  ): Promise<Array<BatchItemResult<SignedFile>>>;
  /** Log out every token session open now (the idle lock); a running batch fails its next file. */
  closeSessions(): Promise<void>;
}

export interface SigningServiceDeps {
  readonly settings: SettingsStore;
  readonly tokens: Pick<TokenService, 'preflight'>;
  readonly events: EventBus;
  readonly log: Logger;
  /** Where OCSP/CRL answers are kept (shared with the verifier); in memory when absent. */
  readonly revocationCacheDir?: string;
}

/**
 * The issuing flow as an app service: opens the chosen token once per request (one login for
 * a whole batch), takes images, house style and trust store from settings, places signatures
 * by the caller's box or the layout module, and reports each file's outcome.
 */
export function createSigningService(deps: SigningServiceDeps): SigningService {
  // Sessions live for one request; the idle lock still needs to end the ones open right now.
  const openSessions = new Set<{ close(): Promise<void> }>();
  const run = async (
    token: TokenRequest,
    operation: SigningOperation,
    files: ReadonlyArray<SignInput>,
    onProgress: (done: number, total: number, current: string | undefined) => void,
    onSigned?: SignFilesHooks['onSigned'],
    inMemory = false,
  ) => {
    const inputOf = new Map(files.map((f) => [f.outPath, f.path]));
    const settings = deps.settings.get();
    const images = await loadSigningImages(settings.images, imageKindOf(operation));
    const role = operation.kind === 'sign' ? operation.role : 'organization';
    // The PIN goes to the login and nowhere else: not into a log field, a result or an error.
    const handle = await openSigningSession(
      { tokens: deps.tokens, log: deps.log, trustPaths: () => deps.settings.get().verify.trustPaths },
      { modulePath: token.modulePath, token: token.token, keyIdHex: token.keyIdHex },
      role,
      token.pin,
    );
    openSessions.add(handle);
    try {
      const longTerm = token.longTerm ? await longTermMaterial(handle.signer) : undefined;
      const context = {
        signer: handle.signer,
        images,
        organization: settings.organization,
        ...(inMemory ? { inMemory: true } : {}),
        ...(token.tsaUrl === undefined ? {} : { timestamp: tsaTimestampSource({ url: token.tsaUrl }) }),
      };
      const results = await runBatch(
        files.map((f) => ({
          inPath: f.path,
          outPath: f.outPath,
          ...(f.bytes === undefined ? {} : { bytes: f.bytes }),
          ...(f.load === undefined ? {} : { load: f.load }),
        })),
        async (bytes, outPath) => {
          assertDistinct(inputOf.get(outPath) ?? '', outPath);
          const result = await runOperation(operation, bytes, outPath, context);
          // The signed file (in memory, or the written file read back once): hashed for the
          // result, handed to the caller's check.
          let written = result.bytes ?? new Uint8Array(await readFile(outPath));
          let final = signedFile(outPath, written, result);
          if (longTerm !== undefined) {
            if (result.bytes !== undefined) {
              // The DSS increment is appended to a file on disk; in memory there is none.
              throw new VanthuError('INTERNAL', errorMessageVi('INTERNAL'));
            }
            final = await withLongTerm(final, longTerm);
            written = new Uint8Array(await readFile(outPath));
          }
          await onSigned?.({ path: inputOf.get(outPath) ?? '', outPath, bytes: written }, final);
          return final;
        },
        (p) => onProgress(p.done, p.total, p.current),
      );
      for (const r of results) {
        if (!r.ok && r.error.code === 'INTERNAL') {
          // A bug, not a bad file: keep its context for the maintainers (the message holds no PIN).
          deps.log.error('signing.file_bug', { kind: operation.kind, file: r.inPath, message: r.error.message });
        }
      }
      return results;
    } finally {
      openSessions.delete(handle);
      await handle.close();
    }
  };

  const revocationCache =
    deps.revocationCacheDir === undefined
      ? memoryRevocationCache()
      : createFileRevocationCache(deps.revocationCacheDir);

  /** B-LT material, gathered once per login; a revoked certificate is refused before any signature. */
  const longTermMaterial = async (signer: Signer): Promise<CollectedMaterial> => {
    const anchors = trustStoreCertificates(deps.settings.get().verify.trustPaths);
    const collected = await collectLongTermMaterial(signer.certificate, signer.chain, anchors, {
      cache: revocationCache,
    });
    if (collected.revoked.length > 0) {
      throw new VanthuError('CERT_REVOKED', errorMessageVi('CERT_REVOKED'), {
        details: { revoked: collected.revoked },
      });
    }
    return collected;
  };

  const single = async (request: TokenRequest & SignInput, operation: SigningOperation) => {
    assertDistinct(request.path, request.outPath);
    const [result] = await run(request, operation, [request], () => undefined);
    if (result === undefined) {
      throw new VanthuError('INTERNAL', errorMessageVi('INTERNAL'));
    }
    if (!result.ok) {
      throw VanthuError.fromAppError(result.error);
    }
    deps.log.info('signing.signed', {
      kind: operation.kind,
      field: result.value.fieldName,
      bytes: result.value.bytesAdded,
    });
    return result.value;
  };

  return {
    async closeSessions() {
      const sessions = [...openSessions];
      openSessions.clear();
      await Promise.all(sessions.map((session) => session.close()));
    },
    async prepare(request) {
      assertDistinct(request.path, request.outPath);
      const result = await prepareFields(request);
      return { path: request.outPath, sha256: await sha256Of(request.outPath), ...result, fields: [...result.fields] };
    },
    async writeNumber(request) {
      assertDistinct(request.path, request.outPath);
      const bytes = request.bytes ?? (await readPdfInput(request.path));
      if (request.bytes !== undefined) {
        assertPdfBytes(bytes);
      }
      const result = await writeNumber(bytes, request.outPath, {
        soKyHieu: request.soKyHieu,
        ngayBanHanh: request.ngayBanHanh,
        ...(request.diaDanh === undefined ? {} : { diaDanh: request.diaDanh }),
      });
      return { path: request.outPath, sha256: await sha256Of(request.outPath), ...result };
    },
    sign: (request) =>
      single(request, {
        kind: 'sign',
        role: request.role,
        ...(request.certify === undefined ? {} : { certify: request.certify }),
        ...(request.placement === undefined ? {} : { placement: request.placement }),
      }),
    seal: (request) =>
      single(request, {
        kind: 'seal',
        lock: request.lock,
        ...(request.placement === undefined ? {} : { placement: request.placement }),
      }),
    appendix: (request) =>
      single(request, {
        kind: 'appendix',
        soKyHieu: request.soKyHieu,
        ...(request.placement === undefined ? {} : { placement: request.placement }),
      }),
    copy: (request) =>
      single(request, {
        kind: 'copy',
        hinhThuc: request.hinhThuc,
        ...(request.coQuanSao === undefined ? {} : { coQuanSao: request.coQuanSao }),
        ...(request.pageIndexes === undefined ? {} : { pageIndexes: request.pageIndexes }),
        ...(request.placement === undefined ? {} : { placement: request.placement }),
      }),
    signFiles: (token, operation, files, hooks = {}) =>
      run(token, operation, files, hooks.onProgress ?? (() => undefined), hooks.onSigned, hooks.inMemory),
    async batch(request) {
      const outPaths = request.files.map((f) => resolve(f.outPath));
      if (new Set(outPaths).size !== outPaths.length) {
        // Two files written to one path: the second would silently replace the first.
        throw new VanthuError('INVALID_INPUT', errorMessageVi('INVALID_INPUT', 'Hai tệp kết quả trùng đường dẫn.'));
      }
      const batchId = request.batchId ?? null;
      const results = await run(request, request.operation, request.files, (done, total, current) =>
        deps.events.emit('signing.progress', { batchId, done, total, currentFile: current ?? null }),
      );
      const failed = results.filter((r) => !r.ok).length;
      deps.log.info('signing.batch', { kind: request.operation.kind, total: results.length, failed });
      return {
        total: results.length,
        failed,
        results: results.map((r) =>
          r.ok
            ? { ok: true as const, path: r.inPath, outPath: r.outPath, value: r.value }
            : { ok: false as const, path: r.inPath, outPath: r.outPath, error: r.error },
        ),
      };
    },
  };
}

/** The signed copy goes beside the input, never over it: the input stays as it was. */
function assertDistinct(path: string, outPath: string): void {
  if (resolve(path) === resolve(outPath)) {
    throw new VanthuError(
      'INVALID_INPUT',
      errorMessageVi('INVALID_INPUT', 'Tệp kết quả phải khác tệp gốc (tệp gốc được giữ nguyên).'),
      { details: { path } },
    );
  }
}

function signedFile(outPath: string, written: Uint8Array, result: SignResult): SignedFile {
  return {
    path: outPath,
    sha256: createHash('sha256').update(written).digest('hex'),
    fieldName: result.fieldName,
    bytesAdded: result.bytesAdded,
    signingTime: result.signingTime,
  };
}

/** Appends the DSS increment to a freshly signed file (rewritten atomically in place). */
async function withLongTerm(signed: SignedFile, collected: CollectedMaterial): Promise<SignedFile> {
  const result = await addDss(new Uint8Array(await readFile(signed.path)), signed.path, collected.material);
  return {
    ...signed,
    sha256: await sha256Of(signed.path),
    longTerm: { ...result.added, unknown: [...collected.unknown] },
  };
}

function memoryRevocationCache(): RevocationCache {
  const entries = new Map<string, CachedRevocation>();
  return { get: (key) => entries.get(key), put: (key, entry) => void entries.set(key, entry) };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
