import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/errors.ts';
import type { VerifyReport } from '../../../../preload/contract/verify.ts';
import type { Logger } from '../../log/logger.ts';
import type { SettingsStore } from '../../settings/settings-store.ts';
import { readStoredOrPlain } from '../../cipher/read-stored.ts';
import { keepEvidence } from './evidence.ts';
import { loadKeptProof } from './proof.ts';
import { createFileRevocationCache } from './revocation-cache.ts';
import { loadTrustStore } from './trust-store.ts';
import { verifyPdfBytes } from './verify-document.ts';

export interface VerifyRequest {
  /** The file to read, or — with `bytes` — only the name the report and the log give it. */
  readonly path: string;
  /** The file's bytes already in memory: a stored file read through the file store (decrypted). */
  readonly bytes?: Uint8Array;
  readonly trustPaths: readonly string[];
  readonly offline: boolean;
  /** Re-verify with the proof kept at the last verification, as of its time (expired certificates). */
  readonly fromProof?: boolean;
}

export interface VerifyService {
  verify(request: VerifyRequest): Promise<VerifyReport & { evidencePath: string }>;
}

export interface VerifyServiceDeps {
  readonly settings: SettingsStore;
  readonly log: Logger;
  /** Profile folders: the revocation cache and the kept validation material. */
  readonly cacheDir: string;
  readonly evidenceDir: string;
  readonly maxBytes?: number;
}

/** Incoming files may be larger than the 50 MB upload limit; verification still has a ceiling. */
const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export function createVerifyService(deps: VerifyServiceDeps): VerifyService {
  const cache = createFileRevocationCache(join(deps.cacheDir, 'revocation'));
  return {
    async verify(request) {
      const path = request.bytes === undefined ? resolve(request.path) : request.path;
      let size: number;
      try {
        size = request.bytes?.byteLength ?? (await stat(path)).size;
      } catch (cause) {
        throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', path), { cause, details: { path } });
      }
      if (size > (deps.maxBytes ?? DEFAULT_MAX_BYTES)) {
        throw new VanthuError('FILE_TOO_LARGE', errorMessageVi('FILE_TOO_LARGE'), { details: { path, size } });
      }
      const anchors = loadTrustStore([...deps.settings.get().verify.trustPaths, ...request.trustPaths]);
      // Given bytes (the file store read them), or a path read in the clear: a stored file of an
      // encrypted profile is sealed on disk under its folder's key.
      const bytes = request.bytes === undefined ? await readStoredOrPlain(path) : Buffer.from(request.bytes);
      if (request.fromProof === true) {
        const proof = loadKeptProof(deps.evidenceDir, createHash('sha256').update(bytes).digest('hex'));
        const { report } = await verifyPdfBytes(bytes, path, {
          anchors,
          offline: true,
          cache,
          proof: { certificates: proof.certificates, revocation: proof.revocation },
        });
        // No new proof: it would carry the old answers with today's date and so outlive them.
        deps.log.info('verify.from-proof', { file: path, verdict: report.verdict, proof: proof.path });
        return { ...report, evidencePath: proof.path };
      }
      const { report, material } = await verifyPdfBytes(bytes, path, {
        anchors,
        offline: request.offline,
        cache,
      });
      const kept = keepEvidence(deps.evidenceDir, report, material);
      deps.log.info('verify.done', { file: path, verdict: report.verdict, signatures: report.signatures.length });
      return { ...report, evidencePath: kept.path };
    },
  };
}
