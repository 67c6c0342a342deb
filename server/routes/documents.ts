import type { z } from 'zod';
import {
  InboxPageSchema,
  RegistrationAnswerSchema,
  RegistrationRequestSchema,
  StatusAnswerSchema,
  StatusRequestSchema,
  type UnroutedDocumentSchema,
} from '../../preload/contract/wire/documents.ts';
import { authenticate } from '../auth.ts';
import { documentFiles } from '../document-files.ts';
import { applyOnce } from '../idempotency.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';
import { allocatedFor, isReturned, nextNumber, releaseUnusedAllocation } from './numbers.ts';

interface DocumentRow {
  id: string;
  from_org: string;
  so_ky_hieu: string;
  trich_yeu: string;
  ten_loai: string;
  ngay_ban_hanh: string;
  nguoi_ky: string;
  chuc_vu: string;
  do_khan: number;
  recalled_at: number | null;
  recall_reason: string | null;
}

export function documentView(state: ServerState, row: DocumentRow) {
  // In the sender's order, each marked as the document or a phụ lục (API 1.3.0).
  const files = documentFiles(state.db, row.id);
  return {
    id: row.id,
    fromOrg: row.from_org,
    soKyHieu: row.so_ky_hieu,
    trichYeu: row.trich_yeu,
    tenLoai: row.ten_loai,
    ngayBanHanh: row.ngay_ban_hanh,
    nguoiKy: row.nguoi_ky,
    chucVu: row.chuc_vu,
    doKhan: row.do_khan,
    files,
    recalledAt: row.recalled_at === null ? null : new Date(row.recalled_at).toISOString(),
    recallReason: row.recall_reason,
  };
}

/** A document addressed to the caller's organization, or 404 (never reveal others' mail). */
function deliveredDocument(state: ServerState, id: string, org: string): DocumentRow {
  const row = state.db
    .prepare('select d.* from documents d join deliveries v on v.document_id = d.id where d.id = ? and v.to_org = ?')
    .get(id, org) as DocumentRow | undefined;
  if (row === undefined) {
    throw new HttpProblem(404, 'NOT_FOUND', 'Không tìm thấy văn bản.');
  }
  return row;
}

type UnroutedDocument = z.infer<typeof UnroutedDocumentSchema>;

/** Whether the document was delivered to the caller through the trục. */
function isDelivered(state: ServerState, id: string, org: string): boolean {
  return state.db.prepare('select 1 from deliveries where document_id = ? and to_org = ?').get(id, org) !== undefined;
}

/**
 * Keep a paper or email document the caller registers: its files must be uploaded first, as for
 * a publication, so the record never points at bytes the server does not hold.
 */
function keepUnrouted(state: ServerState, id: string, org: string, doc: UnroutedDocument, key: string): void {
  const sizes = new Map<string, number>();
  for (const file of doc.files) {
    const blob = state.db.prepare('select size from blobs where sha256 = ?').get(file.sha256) as
      { size: number } | undefined;
    if (blob === undefined) {
      throw new HttpProblem(422, 'FILE_NOT_UPLOADED', `Tệp ${file.sha256} chưa được tải lên.`, {
        sha256: file.sha256,
      });
    }
    sizes.set(file.sha256, blob.size);
  }
  state.db
    .prepare(
      'insert into registered_documents (id, org, source, metadata, created_at, change_key) values (?, ?, ?, ?, ?, ?)',
    )
    .run(id, org, doc.source, JSON.stringify(doc.metadata), state.now(), key);
  const addFile = state.db.prepare(
    'insert or ignore into registered_document_files (document_id, org, sha256, size) values (?, ?, ?, ?)',
  );
  for (const [sha256, size] of sizes) {
    addFile.run(id, org, sha256, size);
  }
}

const PAGE = 100;

/**
 * The caller's organization's registration of a document, if any workstation made it. `key` is the
 * Idempotency-Key it was made with, so the workstation that sent it recognizes its own.
 */
function registrationOf(state: ServerState, documentId: string, org: string) {
  const row = state.db
    .prepare('select year, so_den, ngay_den, change_key from registrations where document_id = ? and org = ?')
    .get(documentId, org) as { year: number; so_den: number; ngay_den: string; change_key: string } | undefined;
  return row === undefined ? null : { soDen: row.so_den, year: row.year, ngayDen: row.ngay_den, key: row.change_key };
}

export const documentRoutes = [
  route('GET', '/v1/inbox', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const cursor = Number(ctx.url.searchParams.get('cursor') ?? '0') || 0;
    const limit = Math.min(Number(ctx.url.searchParams.get('limit') ?? PAGE) || PAGE, 500);
    const events = state.db
      .prepare('select seq, kind, document_id from inbox_events where org = ? and seq > ? order by seq limit ?')
      .all(caller.org, cursor, limit) as {
      seq: number;
      kind: 'document' | 'recall' | 'registered';
      document_id: string;
    }[];
    const items = events.map((event) => ({
      seq: event.seq,
      kind: event.kind,
      // The registration as it stands now (like recalledAt): a workstation pulling late numbers nothing.
      document: {
        ...documentView(state, deliveredDocument(state, event.document_id, caller.org)),
        registration: registrationOf(state, event.document_id, caller.org),
      },
    }));
    const last = events[events.length - 1];
    await sendJson(
      ctx,
      200,
      shaped(InboxPageSchema, { items, nextCursor: String(last?.seq ?? cursor), hasMore: events.length === limit }),
    );
  }),

  route('POST', '/v1/documents/:id/registration', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const body = RegistrationRequestSchema.safeParse(raw);
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Thông tin đăng ký văn bản đến không hợp lệ.');
    }
    const id = ctx.params['id'] ?? '';
    const outcome = applyOnce(state, ctx, caller.org, raw, (key) => {
      // A document the trục did not deliver is registrable only with its own metadata and files.
      const unrouted = body.data.document !== undefined && !isDelivered(state, id, caller.org);
      if (!unrouted) {
        const doc = deliveredDocument(state, id, caller.org);
        if (doc.recalled_at !== null) {
          throw new HttpProblem(409, 'DOCUMENT_RECALLED', 'Văn bản đã bị nơi gửi thu hồi.', {
            recallReason: doc.recall_reason,
          });
        }
      }
      const existing = state.db
        .prepare('select so_den, year, ngay_den from registrations where document_id = ? and org = ?')
        .get(id, caller.org) as { so_den: number; year: number; ngay_den: string } | undefined;
      if (existing !== undefined) {
        throw new HttpProblem(409, 'ALREADY_REGISTERED', 'Văn bản đã được đăng ký ở máy khác.', {
          soDen: existing.so_den,
          year: existing.year,
          ngayDen: existing.ngay_den,
        });
      }
      const { year, ngayDen } = body.data;
      let soDen = body.data.soDen;
      if (soDen === null) {
        // The number another workstation was given for this document when it received it online,
        // else the next in order of receipt (numbers given back first), never one already used.
        soDen = allocatedFor(state, caller.org, 'den', year, id) ?? nextNumber(state, caller.org, 'den', year);
      } else {
        const taken = state.db
          .prepare('select document_id from registrations where org = ? and year = ? and so_den = ?')
          .get(caller.org, year, soDen) as { document_id: string } | undefined;
        if (taken === undefined && isReturned(state, caller.org, 'den', year, soDen)) {
          // A workstation gave this number back: only the server hands it out again.
          throw new HttpProblem(409, 'NUMBER_TAKEN', `Số đến ${soDen} đã được trả lại máy chủ.`, { soDen });
        }
        if (taken !== undefined) {
          throw new HttpProblem(409, 'NUMBER_TAKEN', `Số đến ${soDen} đã được dùng cho văn bản khác.`, {
            soDen,
            usedBy: taken.document_id,
          });
        }
      }
      state.db
        .prepare(
          'insert into registrations (document_id, org, year, so_den, ngay_den, change_key) values (?, ?, ?, ?, ?, ?)',
        )
        .run(id, caller.org, year, soDen, ngayDen, key);
      releaseUnusedAllocation(state, caller.org, id, year, soDen);
      if (unrouted && body.data.document !== undefined) {
        keepUnrouted(state, id, caller.org, body.data.document, key);
      } else {
        // The organization's other workstations learn the number on their next pull (since 1.2.0).
        state.db
          .prepare(`insert into inbox_events (org, kind, document_id, created_at) values (?, 'registered', ?, ?)`)
          .run(caller.org, id, state.now());
      }
      return { status: 201, body: shaped(RegistrationAnswerSchema, { documentId: id, year, soDen }) };
    });
    await sendJson(ctx, outcome.status, outcome.body);
  }),

  route('POST', '/v1/documents/:id/statuses', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const body = StatusRequestSchema.safeParse(raw);
    if (!body.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', body.error.issues[0]?.message ?? 'Trạng thái không hợp lệ.');
    }
    const id = ctx.params['id'] ?? '';
    const outcome = applyOnce(state, ctx, caller.org, raw, (key) => {
      const doc = deliveredDocument(state, id, caller.org);
      const recallAnswer = body.data.code === '15' || body.data.code === '16';
      if (doc.recalled_at !== null && !recallAnswer) {
        throw new HttpProblem(409, 'DOCUMENT_RECALLED', 'Văn bản đã bị nơi gửi thu hồi.', {
          recallReason: doc.recall_reason,
        });
      }
      if (doc.recalled_at === null && recallAnswer) {
        throw new HttpProblem(409, 'NOT_RECALLED', 'Văn bản chưa bị thu hồi; không có gì để trả lời.');
      }
      const at = state.now();
      const result = state.db
        .prepare('insert into statuses (document_id, org, code, reason, at, change_key) values (?, ?, ?, ?, ?, ?)')
        .run(id, caller.org, body.data.code, body.data.reason ?? null, at, key);
      return {
        status: 201,
        body: shaped(StatusAnswerSchema, {
          id: Number(result.lastInsertRowid),
          documentId: id,
          code: body.data.code,
          at: new Date(at).toISOString(),
        }),
      };
    });
    await sendJson(ctx, outcome.status, outcome.body);
  }),
];
