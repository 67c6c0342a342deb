import {
  MA_DINH_DANH_VAN_BAN,
  PublishedSchema,
  PublishRequestSchema,
  RecalledSchema,
  RecallRequestSchema,
  RecipientsSchema,
} from '../../preload/contract/wire/outgoing.ts';
import { authenticate } from '../auth.ts';
import { addDocumentFiles } from '../document-files.ts';
import { applyOnce } from '../idempotency.ts';
import { HttpProblem, readJson, sendJson, shaped } from '../http.ts';
import { wakeOrganizations } from '../office/wakeups.ts';
import { route } from '../router.ts';
import type { ServerState } from '../state.ts';

function ownOutgoing(state: ServerState, id: string, org: string) {
  const row = state.db.prepare('select id, recalled_at from documents where id = ? and from_org = ?').get(id, org) as
    { id: string; recalled_at: number | null } | undefined;
  if (row === undefined) {
    throw new HttpProblem(404, 'NOT_FOUND', 'Không tìm thấy văn bản đi.');
  }
  return row;
}

export const outgoingRoutes = [
  route('POST', '/v1/outgoing', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const parsed = PublishRequestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Thông tin phát hành không hợp lệ.');
    }
    const doc = parsed.data;
    const [, issuer, yyyy, mm, dd, soKyHieu] = MA_DINH_DANH_VAN_BAN.exec(doc.maDinhDanhVanBan) ?? [];
    if (issuer !== caller.org || soKyHieu === undefined) {
      throw new HttpProblem(422, 'NOT_ISSUER', 'Mã định danh văn bản không thuộc cơ quan của bạn.');
    }
    const ngayBanHanh = `${yyyy}-${mm}-${dd}`;
    const outcome = applyOnce(state, ctx, caller.org, raw, (key) => {
      const sizes = new Map<string, number>();
      for (const file of doc.files) {
        const blob = state.db.prepare('select size from blobs where sha256 = ?').get(file.sha256) as
          { size: number } | undefined;
        sizes.set(file.sha256, blob?.size ?? 0);
        if (blob === undefined) {
          // Not stored: the client uploads first and retries with the same key.
          throw new HttpProblem(422, 'FILE_NOT_UPLOADED', `Tệp ${file.name ?? file.sha256} chưa được tải lên.`, {
            sha256: file.sha256,
          });
        }
      }
      for (const recipient of doc.recipients) {
        if (state.db.prepare('select 1 from organizations where ma_dinh_danh = ?').get(recipient) === undefined) {
          throw new HttpProblem(422, 'UNKNOWN_RECIPIENT', `Không có cơ quan mã định danh ${recipient}.`, { recipient });
        }
      }
      if (state.db.prepare('select 1 from documents where id = ?').get(doc.id) !== undefined) {
        throw new HttpProblem(409, 'ALREADY_PUBLISHED', 'Văn bản này đã được phát hành.');
      }
      const clash = state.db
        .prepare('select id from documents where from_org = ? and so_ky_hieu = ? and substr(ngay_ban_hanh, 1, 4) = ?')
        .get(caller.org, soKyHieu, ngayBanHanh.slice(0, 4)) as { id: string } | undefined;
      if (clash !== undefined) {
        throw new HttpProblem(409, 'NUMBER_TAKEN', `Số, ký hiệu ${soKyHieu} đã được dùng.`, { usedBy: clash.id });
      }
      const now = state.now();
      state.db
        .prepare(
          `insert into documents (id, from_org, so_ky_hieu, trich_yeu, ngay_ban_hanh, ten_loai, nguoi_ky, chuc_vu, do_khan,
             created_at, change_key)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          doc.id,
          caller.org,
          soKyHieu,
          doc.trichYeu ?? '',
          ngayBanHanh,
          doc.tenLoai ?? '',
          doc.nguoiKy ?? '',
          doc.chucVu ?? '',
          doc.doKhan ?? 0,
          now,
          key,
        );
      addDocumentFiles(
        state.db,
        doc.id,
        doc.files.map((file) => ({
          sha256: file.sha256,
          name: file.name ?? `${file.sha256.slice(0, 16)}.pdf`,
          size: sizes.get(file.sha256) ?? 0,
          kind: file.kind,
          title: file.title ?? null,
        })),
      );
      for (const recipient of new Set(doc.recipients)) {
        state.db.prepare('insert into deliveries (document_id, to_org) values (?, ?)').run(doc.id, recipient);
        state.db
          .prepare(`insert into inbox_events (org, kind, document_id, created_at) values (?, 'document', ?, ?)`)
          .run(recipient, doc.id, now);
      }
      return { status: 201, body: shaped(PublishedSchema, { id: doc.id, publishedAt: new Date(now).toISOString() }) };
    });
    // The recipients' văn thư who hold a long-poll hear of it now, not at their next poll (1.6.0).
    wakeOrganizations(state, doc.recipients);
    await sendJson(ctx, outcome.status, outcome.body);
  }),

  route('GET', '/v1/outgoing/:id/recipients', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const id = ctx.params['id'] ?? '';
    ownOutgoing(state, id, caller.org);
    const rows = state.db
      .prepare(
        `select v.to_org as maDinhDanh, o.ten as ten from deliveries v join organizations o on o.ma_dinh_danh = v.to_org
         where v.document_id = ? order by v.to_org`,
      )
      .all(id) as { maDinhDanh: string; ten: string }[];
    const history = state.db.prepare(
      'select code, reason, at from statuses where document_id = ? and org = ? order by at, id',
    );
    const items = rows.map((row) => {
      const statuses = (history.all(id, row.maDinhDanh) as { code: string; reason: string | null; at: number }[]).map(
        (s) => ({ code: s.code, reason: s.reason, at: new Date(s.at).toISOString() }),
      );
      return { ...row, latest: statuses[statuses.length - 1] ?? null, statuses };
    });
    await sendJson(ctx, 200, shaped(RecipientsSchema, { items }));
  }),

  route('POST', '/v1/outgoing/:id/recall', async (state, ctx) => {
    const caller = authenticate(state, ctx);
    const raw = await readJson(ctx.req);
    const parsed = RecallRequestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new HttpProblem(400, 'INVALID_INPUT', 'Thu hồi cần lý do.');
    }
    const id = ctx.params['id'] ?? '';
    const outcome = applyOnce(state, ctx, caller.org, raw, (key) => {
      const row = ownOutgoing(state, id, caller.org);
      if (row.recalled_at !== null) {
        throw new HttpProblem(409, 'ALREADY_RECALLED', 'Văn bản đã được thu hồi trước đó.');
      }
      const now = state.now();
      state.db
        .prepare('update documents set recalled_at = ?, recall_reason = ?, recall_key = ? where id = ?')
        .run(now, parsed.data.reason, key, id);
      state.db
        .prepare(
          `insert into inbox_events (org, kind, document_id, created_at)
           select to_org, 'recall', document_id, ? from deliveries where document_id = ?`,
        )
        .run(now, id);
      return { status: 200, body: shaped(RecalledSchema, { id, recalledAt: new Date(now).toISOString() }) };
    });
    wakeOrganizations(
      state,
      state.db.prepare('select to_org from deliveries where document_id = ?').pluck().all(id) as string[],
    );
    await sendJson(ctx, outcome.status, outcome.body);
  }),
];
