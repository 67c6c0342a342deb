import { createReadStream, existsSync, statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate } from '../auth.ts';
import { blobPath } from '../blobs.ts';
import { HttpProblem, type RequestContext } from '../http.ts';
import { route } from '../router.ts';

const SHA256 = /^[0-9a-f]{64}$/;

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` (one range only; enough for resuming). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (header === undefined) {
    return null;
  }
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === '' && match[2] === '')) {
    throw new HttpProblem(
      416,
      'RANGE_INVALID',
      'Khoảng byte không hợp lệ.',
      {},
      { 'content-range': `bytes */${size}` },
    );
  }
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) {
    throw new HttpProblem(
      416,
      'RANGE_INVALID',
      'Khoảng byte nằm ngoài tệp.',
      {},
      { 'content-range': `bytes */${size}` },
    );
  }
  return { start, end };
}

async function streamFile(ctx: RequestContext, path: string, start: number, end: number): Promise<void> {
  const { res, faults } = ctx;
  const length = end - start + 1;
  const cutAt = faults.shouldResetBody() ? Math.floor(length / 2) : -1;
  const drip = faults.config().dripBytesPerSecond;
  let sent = 0;
  for await (const chunk of createReadStream(path, { start, end, highWaterMark: drip === null ? 256 * 1024 : 4096 })) {
    const buffer = chunk as Buffer;
    if (cutAt >= 0 && sent + buffer.length > cutAt) {
      res.write(buffer.subarray(0, cutAt - sent));
      // A reset in the middle of the body: the client must resume with a Range request.
      ctx.req.socket?.destroy();
      return;
    }
    sent += buffer.length;
    if (!res.write(buffer)) {
      await new Promise((resolve) => res.once('drain', resolve));
    }
    if (drip !== null) {
      await delay(Math.ceil((buffer.length / drip) * 1000));
    }
    if (res.destroyed) {
      return;
    }
  }
  res.end();
}

export const fileRoutes = [
  route('GET', '/v1/files/:sha256', async (state, ctx) => {
    authenticate(state, ctx);
    const sha256 = ctx.params['sha256'] ?? '';
    const path = blobPath(state.dataDir, sha256);
    if (!SHA256.test(sha256) || !existsSync(path)) {
      throw new HttpProblem(404, 'NOT_FOUND', 'Không tìm thấy tệp.');
    }
    const size = statSync(path).size;
    const range = parseRange(ctx.req.headers.range, size);
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    ctx.res.writeHead(range === null ? 200 : 206, {
      'content-type': 'application/octet-stream',
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      etag: `"${sha256}"`,
      ...(range === null ? {} : { 'content-range': `bytes ${start}-${end}/${size}` }),
    });
    if (size === 0) {
      ctx.res.end();
      return;
    }
    await streamFile(ctx, path, start, end);
  }),
];
