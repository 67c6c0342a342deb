import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { UploadRequestSchema, UploadStateSchema } from '../../preload/contract/wire/uploads.ts';
import { authenticate } from '../auth.ts';
import { blobPath, partPath, sha256OfFile } from '../blobs.ts';
import { HttpProblem, readJson, sendBody, sendJson, shaped, type RequestContext } from '../http.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';

/** Largest PATCH body; clients send at most this much per request. */
export const MAX_CHUNK = 16 * 1024 * 1024;

interface UploadRow {
  sha256: string;
  size: number;
}

function uploadState(state: ServerState, sha256: string): { size: number; offset: number; complete: boolean } | null {
  const blob = state.db.prepare('select size from blobs where sha256 = ?').get(sha256) as { size: number } | undefined;
  if (blob !== undefined) {
    return { size: blob.size, offset: blob.size, complete: true };
  }
  const row = state.db.prepare('select sha256, size from uploads where sha256 = ?').get(sha256) as
    UploadRow | undefined;
  if (row === undefined) {
    return null;
  }
  // The part file is the truth: whatever bytes reached the disk before a reset count.
  const path = partPath(state.dataDir, sha256);
  return { size: row.size, offset: existsSync(path) ? statSync(path).size : 0, complete: false };
}

async function finish(state: ServerState, sha256: string): Promise<void> {
  const path = partPath(state.dataDir, sha256);
  const actual = await sha256OfFile(path);
  if (actual !== sha256) {
    rmSync(path, { force: true });
    throw new HttpProblem(422, 'HASH_MISMATCH', 'Nội dung tệp không khớp SHA-256 đã khai báo; tải lại từ đầu.');
  }
  renameSync(path, blobPath(state.dataDir, sha256));
  state.db.transaction(() => {
    state.db
      .prepare('insert or ignore into blobs (sha256, size) values (?, ?)')
      .run(sha256, statSync(blobPath(state.dataDir, sha256)).size);
    state.db.prepare('delete from uploads where sha256 = ?').run(sha256);
  })();
}

function offsetHeaders(offset: number, size: number) {
  return { 'upload-offset': String(offset), 'upload-length': String(size), 'cache-control': 'no-store' };
}

async function appendBody(state: ServerState, ctx: RequestContext, sha256: string, expected: number): Promise<number> {
  const declared = Number(ctx.req.headers['content-length'] ?? NaN);
  if (!Number.isInteger(declared) || declared > MAX_CHUNK) {
    throw new HttpProblem(413, 'CHUNK_TOO_LARGE', `Mỗi lần gửi tối đa ${MAX_CHUNK} byte.`);
  }
  const cutAt = state.faults.shouldResetBody() ? Math.floor(declared / 2) : -1;
  const fd = openSync(partPath(state.dataDir, sha256), 'a');
  let written = 0;
  try {
    for await (const chunk of ctx.req) {
      let buffer = chunk as Buffer;
      if (written + buffer.length > expected) {
        buffer = buffer.subarray(0, expected - written);
      }
      if (cutAt >= 0 && written + buffer.length > cutAt) {
        writeSync(fd, buffer, 0, cutAt - written);
        written = cutAt;
        ctx.req.socket?.destroy();
        break;
      }
      writeSync(fd, buffer);
      written += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

export const uploadRoutes = [
  // Creating an upload is idempotent by its SHA-256: no Idempotency-Key needed.
  route('POST', '/v1/uploads', async (state, ctx) => {
    authenticate(state, ctx);
    const body = UploadRequestSchema.safeParse(await readJson(ctx.req));
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Khai báo tải lên không hợp lệ.');
    }
    const { sha256, size } = body.data;
    let current = uploadState(state, sha256);
    if (current !== null && current.size !== size) {
      throw new HttpProblem(409, 'SIZE_MISMATCH', 'Kích thước khác với lần khai báo trước.', { size: current.size });
    }
    if (current === null) {
      state.db
        .prepare('insert or ignore into uploads (sha256, size, offset, created_at) values (?, ?, 0, ?)')
        .run(sha256, size, state.now());
      if (size === 0) {
        await finishEmpty(state, sha256);
      }
      current = uploadState(state, sha256);
    } else if (!current.complete && current.offset === current.size && !state.uploadLocks.has(sha256)) {
      // Every byte is here but the check never ran: the server stopped between the last byte and it
      // (found by the office day under SIGKILL). Without this the upload could never complete.
      current = await finishLeftover(state, sha256);
    }
    const view = current ?? { size, offset: 0, complete: false };
    await sendJson(ctx, 201, shaped(UploadStateSchema, { sha256, ...view }), offsetHeaders(view.offset, view.size));
  }),

  route('HEAD', '/v1/uploads/:sha256', async (state, ctx) => {
    authenticate(state, ctx);
    const current = uploadState(state, ctx.params['sha256'] ?? '');
    if (current === null) {
      throw new HttpProblem(404, 'NOT_FOUND', 'Chưa khai báo tải lên.');
    }
    await sendBody({ ...ctx, loseAnswer: false }, 200, offsetHeaders(current.offset, current.size), Buffer.alloc(0));
  }),

  route('PATCH', '/v1/uploads/:sha256', async (state, ctx) => {
    authenticate(state, ctx);
    const sha256 = ctx.params['sha256'] ?? '';
    if (ctx.req.headers['content-type'] !== 'application/offset+octet-stream') {
      throw new HttpProblem(415, 'CONTENT_TYPE', 'Cần Content-Type application/offset+octet-stream.');
    }
    const current = uploadState(state, sha256);
    if (current === null) {
      throw new HttpProblem(404, 'NOT_FOUND', 'Chưa khai báo tải lên.');
    }
    const offset = Number(ctx.req.headers['upload-offset']);
    if (current.complete || offset !== current.offset) {
      throw new HttpProblem(
        409,
        'OFFSET_MISMATCH',
        'Vị trí tải lên không khớp.',
        current,
        offsetHeaders(current.offset, current.size),
      );
    }
    if (state.uploadLocks.has(sha256)) {
      throw new HttpProblem(423, 'UPLOAD_BUSY', 'Tệp đang được tải lên ở kết nối khác.', {}, { 'retry-after': '1' });
    }
    state.uploadLocks.add(sha256);
    try {
      const written = await appendBody(state, ctx, sha256, current.size - current.offset);
      if (ctx.req.socket === null || ctx.req.socket.destroyed) {
        return;
      }
      const newOffset = current.offset + written;
      if (newOffset === current.size) {
        await finish(state, sha256);
      }
      await sendBody(ctx, 204, offsetHeaders(newOffset, current.size), Buffer.alloc(0));
    } finally {
      state.uploadLocks.delete(sha256);
    }
  }),
];

/** Check and keep a part file whose bytes all arrived before a restart; a mismatch starts it again from 0. */
async function finishLeftover(state: ServerState, sha256: string): Promise<ReturnType<typeof uploadState>> {
  state.uploadLocks.add(sha256);
  try {
    await finish(state, sha256);
  } catch (error) {
    // finish() removed the part: the client sends the file again from offset 0.
    if (!(error instanceof HttpProblem && error.code === 'HASH_MISMATCH')) {
      throw error;
    }
  } finally {
    state.uploadLocks.delete(sha256);
  }
  return uploadState(state, sha256);
}

async function finishEmpty(state: ServerState, sha256: string): Promise<void> {
  writeFileSync(partPath(state.dataDir, sha256), Buffer.alloc(0));
  await finish(state, sha256);
}
