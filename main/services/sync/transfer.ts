import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync, truncateSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { UploadStateSchema, type UploadRequestSchema } from '../../../preload/contract/wire/uploads.ts';
import type { ApiClient } from './api-client.ts';
import { parseAnswer, TIMEOUTS } from './api-client.ts';
import { classifyError, SyncFailure } from './classify.ts';
import type { FileSink, InboxFile } from './ports.ts';

/** Bytes per PATCH: large enough for throughput, small enough that a reset loses little. */
export const UPLOAD_CHUNK = 8 * 1024 * 1024;

export type ProgressListener = (sha256: string, done: number, total: number) => void;

interface UploadState {
  offset: number;
  complete: boolean;
}

/**
 * Resumable upload (server/openapi.yaml, "Uploads"): declare by SHA-256, ask the server its
 * offset, send the rest in chunks. Whatever reached the server before a reset is never resent.
 */
export async function uploadFile(
  api: ApiClient,
  file: { sha256: string; size: number } & ({ path: string } | { read(position: number, length: number): Buffer }),
  onProgress: ProgressListener,
): Promise<void> {
  const created = await api.call({
    method: 'POST',
    path: '/v1/uploads',
    json: { sha256: file.sha256, size: file.size } satisfies z.input<typeof UploadRequestSchema>,
  });
  const state: UploadState = parseAnswer(UploadStateSchema, created.data, 'trạng thái tải lên');
  let offset = state.offset;
  onProgress(file.sha256, offset, file.size);
  if (state.complete) {
    return;
  }
  const handle = 'path' in file ? await open(file.path, 'r') : undefined;
  try {
    while (offset < file.size) {
      const length = Math.min(UPLOAD_CHUNK, file.size - offset);
      let buffer: Buffer;
      let bytesRead: number;
      if (handle === undefined) {
        buffer = (file as { read(position: number, length: number): Buffer }).read(offset, length);
        bytesRead = buffer.byteLength;
      } else {
        buffer = Buffer.allocUnsafe(length);
        ({ bytesRead } = await handle.read(buffer, 0, length, offset));
      }
      const chunkStart = offset;
      const response = await api.call(
        {
          method: 'PATCH',
          path: `/v1/uploads/${file.sha256}`,
          headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
          body: buffer.subarray(0, bytesRead),
          timeoutMs: TIMEOUTS.chunkMs,
          onUploadProgress: (loaded) => onProgress(file.sha256, chunkStart + loaded, file.size),
        },
        // 409: our idea of the offset is stale (an earlier chunk landed after all); take the server's.
        (status) => status === 204 || status === 409,
      );
      const next = Number(response.headers['upload-offset']);
      if (!Number.isInteger(next) || next < 0 || next > file.size) {
        throw new SyncFailure({
          kind: 'retryable',
          code: 'BAD_OFFSET',
          message: 'Máy chủ trả vị trí tải lên sai.',
          retryAfterMs: null,
          details: {},
        });
      }
      offset = next;
      onProgress(file.sha256, offset, file.size);
    }
  } finally {
    await handle?.close();
  }
  // All bytes are there, but the server may still be verifying the hash (another job may have
  // sent the last chunk): only `complete` means a publish can refer to the file.
  const confirmed = await api.call({
    method: 'POST',
    path: '/v1/uploads',
    json: { sha256: file.sha256, size: file.size } satisfies z.input<typeof UploadRequestSchema>,
  });
  if (!parseAnswer(UploadStateSchema, confirmed.data, 'trạng thái tải lên').complete) {
    throw new SyncFailure({
      kind: 'retryable',
      code: 'UPLOAD_FINISHING',
      message: 'Máy chủ đang kiểm tra tệp vừa tải lên.',
      retryAfterMs: 1_000,
      details: {},
    });
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * Download one incoming file, resuming a partial download with a Range request, verifying the
 * SHA-256 before handing it to the store. A reset keeps the bytes received so far.
 */
export async function downloadFile(
  api: ApiClient,
  file: InboxFile,
  sink: FileSink,
  onProgress: ProgressListener,
): Promise<void> {
  if (sink.has(file.sha256)) {
    return;
  }
  const part = sink.partialPath(file.sha256);
  let have = existsSync(part) ? statSync(part).size : 0;
  if (have > file.size) {
    truncateSync(part, 0);
    have = 0;
  }
  if (have < file.size || !existsSync(part)) {
    const response = await api.call(
      {
        method: 'GET',
        path: `/v1/files/${file.sha256}`,
        headers: have > 0 ? { range: `bytes=${have}-` } : {},
        responseType: 'stream',
        timeoutMs: TIMEOUTS.downloadMs,
      },
      (status) => status === 200 || status === 206,
    );
    const append = response.status === 206;
    let received = append ? have : 0;
    const body = response.data as Readable;
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      onProgress(file.sha256, received, file.size);
    });
    try {
      await pipeline(body, createWriteStream(part, { flags: append ? 'a' : 'w' }));
    } catch (error) {
      throw new SyncFailure(classifyError(error));
    }
  }
  if (statSync(part).size < file.size) {
    // The body ended early without an error event: keep the bytes, resume next time.
    throw new SyncFailure({
      kind: 'retryable',
      code: 'SHORT_BODY',
      message: 'Tải về bị ngắt giữa chừng.',
      retryAfterMs: null,
      details: {},
    });
  }
  const actual = await sha256OfFile(part);
  if (actual !== file.sha256) {
    rmSync(part, { force: true });
    throw new SyncFailure({
      kind: 'retryable',
      code: 'HASH_MISMATCH',
      message: 'Tệp tải về không khớp SHA-256; sẽ tải lại.',
      retryAfterMs: null,
      details: { sha256: file.sha256 },
    });
  }
  sink.commit(file.sha256, part);
}
