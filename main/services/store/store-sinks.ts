import { INCOMING_TRANSITIONS } from '../../../preload/contract/workflow.ts';
import type { IncomingState } from '../../domain/document-states.ts';
import { recordIncomingAppendices } from './appendices.ts';
import { recordAttachment } from './attachments.ts';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './store-context.ts';
import type { InboxDocument, InboxItem } from '../../../preload/contract/wire/documents.ts';
import { adoptRegistration, arrivalNumber } from './registration-adoption.ts';

/** Cursors live in the store's `meta` table, written in the same transaction as what they cover. */
const INBOX_CURSOR = 'sync.inbox.cursor';

/** States from which the workflow table lets a recall move the document (a finished or returned one stays as it is). */
const RECALLABLE: readonly IncomingState[] = INCOMING_TRANSITIONS.filter((row) => row.action === 'incoming.recall').map(
  (row) => row.from,
);

export interface InboxApplied {
  readonly added: number;
  /** Documents that took the số đến another workstation of the organization gave them. */
  readonly adopted: number;
  readonly recalled: number;
}

/**
 * The inbox sink on the store's own connection (it runs in the store worker for the app). The
 * directory and the recipients' statuses have their own store methods (organizations.ts,
 * recipient-statuses.ts).
 */
export interface StoreInboxSink {
  inboxCursor(): string | null;
  /** New documents (đã đến, source trục, unnumbered until tiếp nhận) and recalls, with the cursor, in one transaction. */
  applyInbox(items: readonly InboxItem[], nextCursor: string): InboxApplied;
}

function readMeta(ctx: StoreContext, key: string): string | null {
  const row = ctx.db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function writeMeta(ctx: StoreContext, key: string, value: string): void {
  ctx.db
    .prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(key, value);
}

/** "15/SNV-VP" → số "15", ký hiệu "SNV-VP"; a number without ký hiệu keeps an empty one. */
function splitSoKyHieu(soKyHieu: string): { so: string; kyHieu: string } {
  const slash = soKyHieu.indexOf('/');
  const so = (slash < 0 ? soKyHieu : soKyHieu.slice(0, slash)).trim().slice(0, 11);
  return {
    so: so === '' ? '0' : so,
    kyHieu:
      slash < 0
        ? ''
        : soKyHieu
            .slice(slash + 1)
            .trim()
            .slice(0, 30),
  };
}

function organizationName(ctx: StoreContext, maDinhDanh: string): string {
  const row = ctx.db.prepare(`SELECT ten FROM organizations WHERE ma_dinh_danh = ?`).get(maDinhDanh) as
    { ten: string } | undefined;
  return row?.ten ?? maDinhDanh;
}

/** The store keeps độ khẩn as 0–9; anything else from a server is read as "thường" (0). */
function doKhanOf(value: number | undefined): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 9 ? value : 0;
}

function addArrival(ctx: StoreContext, doc: InboxDocument, now: Date): void {
  // Registered already at another workstation of ours (API 1.2.0): its số đến; none of ours is taken.
  const { register, taken, ngayDen } = arrivalNumber(ctx, doc.registration ?? null, now);
  // The document is its first file that is not a phụ lục; the phụ lục are kept with it, in order.
  const main = doc.files.find((file) => file.kind !== 'phu-luc');
  const appendices = doc.files.filter((file) => file.kind === 'phu-luc');
  for (const file of doc.files) {
    // The bytes were downloaded and verified before this transaction (content-addressed).
    recordAttachment(ctx.db, file.sha256, file.size, 'application/pdf', now);
  }
  const { so, kyHieu } = splitSoKyHieu(doc.soKyHieu);
  const coQuanBanHanh = organizationName(ctx, doc.fromOrg);
  const soDen = taken === null || taken.provisional ? null : taken.number;
  const soDenTam = taken?.provisional === true ? taken.number : null;
  const at = now.toISOString();
  ctx.db
    .prepare(
      `INSERT INTO incoming_documents (id, register_id, so_den, so_den_tam, ngay_den, ten_loai, so, ky_hieu,
         ngay_ban_hanh, co_quan_ban_hanh, ma_co_quan_ban_hanh, trich_yeu, nguoi_ky, chuc_vu, do_khan, source, state,
         file_sha256, file_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'truc', 'da-den', ?, ?, ?, ?)`,
    )
    .run(
      doc.id,
      register.id,
      soDen,
      soDenTam,
      ngayDen,
      doc.tenLoai.slice(0, 100) || 'Văn bản',
      so,
      kyHieu,
      doc.ngayBanHanh.slice(0, 10),
      coQuanBanHanh,
      doc.fromOrg,
      doc.trichYeu.slice(0, 500),
      (doc.nguoiKy ?? '').slice(0, 50),
      (doc.chucVu ?? '').slice(0, 100),
      doKhanOf(doc.doKhan),
      main?.sha256 ?? null,
      main?.name ?? null,
      at,
      at,
    );
  recordIncomingAppendices(
    ctx,
    doc.id,
    appendices.map((file) => ({ sha256: file.sha256, size: file.size, name: file.name, title: file.title ?? '' })),
    now,
  );
  appendAudit(
    ctx.db,
    {
      actor: 'sync',
      action: 'incoming.receive',
      entity: 'incoming',
      entityId: doc.id,
      details: {
        fromOrg: doc.fromOrg,
        soDen,
        soDenTam,
        fileSha256: main?.sha256 ?? null,
        ...(appendices.length === 0 ? {} : { appendices: appendices.map((file) => file.sha256) }),
      },
    },
    now,
  );
  // No registration job here: the số đến is given at tiếp nhận, after the arrival check.
}

/** A recall from the sender: the document leaves the workflow (ND30 Điều 18 k4b), recorded with its reason. */
function applyRecall(ctx: StoreContext, doc: InboxDocument, now: Date): boolean {
  const row = ctx.db.prepare(`SELECT state, y_kien FROM incoming_documents WHERE id = ?`).get(doc.id) as
    { state: IncomingState; y_kien: string } | undefined;
  if (row === undefined || !RECALLABLE.includes(row.state)) {
    return false;
  }
  const note = `Nơi gửi thu hồi: ${doc.recallReason ?? 'không nêu lý do'}`;
  ctx.db
    .prepare(`UPDATE incoming_documents SET state = 'thu-hoi', y_kien = ?, updated_at = ? WHERE id = ?`)
    .run(row.y_kien === '' ? note : `${row.y_kien}\n${note}`, now.toISOString(), doc.id);
  appendAudit(
    ctx.db,
    {
      actor: 'sync',
      action: 'incoming.recalled',
      entity: 'incoming',
      entityId: doc.id,
      details: { from: row.state, reason: doc.recallReason },
    },
    now,
  );
  // The sender hears that the recall was carried out (15 đồng ý thu hồi), in the same transaction.
  // Its own key: a status refused because of the recall must not hold the answer back.
  ctx.outbox.enqueue(
    {
      kind: 'incoming.status',
      key: `recall:${doc.id}`,
      payload: { documentId: doc.id, statusCode: '15', reason: null, at: now.toISOString() },
    },
    now,
  );
  return true;
}

export function createStoreInboxSink(ctx: StoreContext): StoreInboxSink {
  return {
    inboxCursor: () => readMeta(ctx, INBOX_CURSOR),
    applyInbox: (items, nextCursor) =>
      ctx.db
        .transaction((): InboxApplied => {
          const now = ctx.clock();
          const exists = ctx.db.prepare(`SELECT 1 FROM incoming_documents WHERE id = ?`);
          let added = 0;
          let recalled = 0;
          let adopted = 0;
          for (const item of items) {
            const known = exists.get(item.document.id) !== undefined;
            if (item.kind === 'recall' || item.document.recalledAt !== null) {
              recalled += known && applyRecall(ctx, item.document, now) ? 1 : 0;
            } else if (!known) {
              // A page seen again (cursor lost with a restored backup) never doubles a document.
              addArrival(ctx, item.document, now);
              added += 1;
            } else if (item.document.registration) {
              // Registered by the organization (here or at another workstation): one số đến for it.
              adopted +=
                adoptRegistration(ctx, item.document.id, item.document.registration, 'inbox', now) === 'adopted'
                  ? 1
                  : 0;
            }
          }
          writeMeta(ctx, INBOX_CURSOR, nextCursor);
          return { added, recalled, adopted };
        })
        .immediate(),
  };
}
