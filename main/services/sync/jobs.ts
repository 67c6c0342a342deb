import { statSync } from 'node:fs';
import { stepFiles } from '../../../preload/contract/office.ts';
import { parseJobPayload, type JobKind, type JobPayload } from '../outbox/jobs.ts';
import type { OutboxJob } from '../outbox/outbox-store.ts';
import type { RegistrationRequestSchema, StatusRequestSchema } from '../../../preload/contract/wire/documents.ts';
import type { PublishRequestSchema, RecallRequestSchema } from '../../../preload/contract/wire/outgoing.ts';
import type { WireBody } from '../../../preload/contract/wire/endpoints.ts';
import { officeResolution } from '../../domain/office-conflicts.ts';
import type { ApiClient } from './api-client.ts';
import { SyncFailure } from './classify.ts';
import type { FileSource } from './ports.ts';
import { uploadFile, type ProgressListener } from './transfer.ts';

/** What the server said when a change was applied; handed to the store (e.g. a final số đến). */
export interface JobResult {
  readonly job: OutboxJob;
  readonly response: unknown;
}

export interface JobContext {
  readonly api: ApiClient;
  readonly files: FileSource;
  readonly onProgress: ProgressListener;
  /** Uploads running in this process, by hash: a publish waits for its file's upload job instead of racing it. */
  readonly uploads: Map<string, Promise<void>>;
}

async function ensureUploaded(ctx: JobContext, sha256: string): Promise<void> {
  const running = ctx.uploads.get(sha256);
  if (running !== undefined) {
    // Its failure is that job's to retry; ours asks the server again below.
    await running.catch(() => undefined);
  }
  const reader = ctx.files.open?.(sha256);
  const upload =
    reader === undefined
      ? uploadFile(
          ctx.api,
          { sha256, size: statSync(ctx.files.pathOf(sha256)).size, path: ctx.files.pathOf(sha256) },
          ctx.onProgress,
        )
      : uploadFile(ctx.api, { sha256, size: reader.size, read: reader.read }, ctx.onProgress).finally(() =>
          reader.close(),
        );
  ctx.uploads.set(sha256, upload);
  try {
    await upload;
  } finally {
    if (ctx.uploads.get(sha256) === upload) {
      ctx.uploads.delete(sha256);
    }
  }
}

type RegisterPayload = OutboxJob<'incoming.register'>['payload'];

/**
 * A paper or email document reaches the server only through its registration: its metadata
 * travels with it and its file is uploaded first, since the server holds no copy delivered by the trục.
 */
async function unroutedDocument(ctx: JobContext, payload: RegisterPayload): Promise<Record<string, unknown>> {
  const source = payload.source ?? 'truc';
  if (source === 'truc' || payload.metadata === undefined) {
    return {};
  }
  if (payload.fileSha256 !== null) {
    await ensureUploaded(ctx, payload.fileSha256);
  }
  return {
    document: {
      source,
      metadata: {
        maDinhDanhVanBan: payload.maDinhDanhVanBan,
        soKyHieu: payload.soKyHieu,
        coQuanBanHanh: payload.coQuanBanHanh,
        trichYeu: payload.trichYeu,
        ...payload.metadata,
      },
      files: payload.fileSha256 === null ? [] : [{ sha256: payload.fileSha256 }],
    },
  };
}

/**
 * A job's payload read back from the store, parsed again: it crossed the store worker and lay on
 * disk. One that no longer parses fails permanently (the user sees it), never reaches the server.
 */
function payloadOf<K extends JobKind>(job: OutboxJob, kind: K): JobPayload<K> {
  try {
    return parseJobPayload(kind, job.payload);
  } catch (error) {
    throw new SyncFailure({
      kind: 'permanent',
      code: 'BAD_PAYLOAD',
      message: 'Dữ liệu của việc chờ gửi bị hỏng, không gửi được.',
      retryAfterMs: null,
      details: { jobId: job.id, kind, cause: error instanceof Error ? error.message : String(error) },
    });
  }
}

/**
 * Send one outbox job. The job id is the Idempotency-Key, so running a job twice (after a
 * crash, or when an answer was lost) changes the server once and gets the first answer back.
 */
export async function runJob(ctx: JobContext, job: OutboxJob): Promise<unknown> {
  const id = encodeURIComponent;
  switch (job.kind) {
    case 'file.upload': {
      const payload = payloadOf(job, 'file.upload');
      await ensureUploaded(ctx, payload.sha256);
      return { sha256: payload.sha256 };
    }
    case 'incoming.register': {
      const payload = payloadOf(job, 'incoming.register');
      return ctx.api.mutate(`/v1/documents/${id(payload.documentId)}/registration`, job.id, {
        year: Number(payload.ngayDen.slice(0, 4)),
        soDen: payload.soDen,
        ngayDen: payload.ngayDen,
        ...(await unroutedDocument(ctx, payload)),
      } satisfies WireBody<typeof RegistrationRequestSchema>);
    }
    case 'incoming.status': {
      const payload = payloadOf(job, 'incoming.status');
      return ctx.api.mutate(`/v1/documents/${id(payload.documentId)}/statuses`, job.id, {
        code: payload.statusCode,
        ...(payload.reason === null ? {} : { reason: payload.reason }),
      } satisfies WireBody<typeof StatusRequestSchema>);
    }
    case 'outgoing.publish': {
      const payload = payloadOf(job, 'outgoing.publish');
      // The signed file and its phụ lục go first, whatever order the jobs were queued in; uploading is idempotent.
      const appendices = payload.appendices ?? [];
      for (const sha256 of [payload.signedSha256, ...appendices.map((a) => a.sha256)]) {
        await ensureUploaded(ctx, sha256);
      }
      return ctx.api.mutate('/v1/outgoing', job.id, {
        id: payload.documentId,
        maDinhDanhVanBan: payload.maDinhDanhVanBan,
        recipients: payload.recipients.map((r) => r.maDinhDanh),
        // API 1.3.0: each file says whether it is the document or a phụ lục; the order is kept.
        files: [
          { sha256: payload.signedSha256 },
          ...appendices.map((a) => ({ sha256: a.sha256, name: a.fileName, kind: 'phu-luc' as const, title: a.title })),
        ],
        // Số, ký hiệu and ngày ban hành travel inside maDinhDanhVanBan; the rest is sent as entered.
        ...(payload.metadata === undefined
          ? {}
          : {
              tenLoai: payload.metadata.tenLoai,
              trichYeu: payload.metadata.trichYeu,
              nguoiKy: payload.metadata.nguoiKy,
              chucVu: payload.metadata.chucVu,
              doKhan: payload.metadata.doKhan,
            }),
      } satisfies WireBody<typeof PublishRequestSchema>);
    }
    case 'outgoing.recall': {
      const payload = payloadOf(job, 'outgoing.recall');
      return ctx.api.mutate(`/v1/outgoing/${id(payload.documentId)}/recall`, job.id, {
        reason: payload.reason,
      } satisfies WireBody<typeof RecallRequestSchema>);
    }
    case 'office.step': {
      const payload = payloadOf(job, 'office.step');
      // Files travel by hash: each is on the server before the step that names it (uploads are idempotent).
      for (const file of stepFiles(payload.step)) {
        await ensureUploaded(ctx, file.sha256);
      }
      // The person who took the step: the server refuses it (401) under anyone else's session, so a step
      // taken after an offline sign-in waits for that person's online sign-in instead of going as another.
      const response = await ctx.api.call({
        method: 'POST',
        path: `/v1/office/cases/${id(payload.caseId)}/steps`,
        json: payload.step,
        headers: { 'idempotency-key': job.id, 'x-vanthu-actor': payload.actor },
      });
      return response.data;
    }
  }
}

/** What the user can do about a conflict, by the server's code. */
export function resolutionFor(code: string): string {
  switch (code) {
    case 'NUMBER_TAKEN':
      return 'Số đã được dùng trên máy chủ: lấy số mới cho văn bản rồi gửi lại.';
    case 'ALREADY_REGISTERED':
      // Normally repaired by itself (the document takes the server's số đến); this is what is left when it cannot be.
      return 'Văn bản đã được đăng ký ở máy khác nhưng máy này không tự chuyển được sang số đến của máy chủ (không tìm thấy văn bản trên máy, hoặc số đó đã thuộc văn bản khác): kiểm tra sổ đăng ký rồi báo quản trị hệ thống.';
    case 'DOCUMENT_RECALLED':
      return 'Nơi gửi đã thu hồi văn bản: dừng xử lý, hủy văn bản và báo lại nơi gửi.';
    case 'ALREADY_RECALLED':
      return 'Văn bản đã được thu hồi trước đó: không cần làm gì thêm.';
    case 'ALREADY_PUBLISHED':
      return 'Văn bản đã được phát hành: kiểm tra trạng thái nơi nhận.';
    default:
      return officeResolution(code) ?? 'Xem chi tiết và liên hệ quản trị hệ thống nếu cần.';
  }
}
