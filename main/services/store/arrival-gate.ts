import {
  ArrivalCheckSchema,
  arrivalReturnReasonVi,
  needsArrivalCheck,
  type ArrivalCheck,
} from '../../../preload/contract/arrival-check.ts';
import { VerifyReportSchema } from '../../../preload/contract/verify.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { ServerNumber } from '../../domain/numbering.ts';
import { staysOnWorkstation } from '../../domain/secrecy.ts';
import { vietnamYear } from '../../domain/vietnam-time.ts';
import { appendAudit } from './audit.ts';
import { getIncoming } from './incoming-rows.ts';
import { enqueueRegistration } from './registration-job.ts';
import type { StoreContext } from './store-context.ts';

/**
 * Tiếp nhận, inside the transition's transaction [S-TN26 Điều 8 k1b→k2a]: the arrival check must
 * have a verdict; an invalid one cannot be received (trả lại instead); an indeterminate one only
 * with the văn thư's reason ("Vẫn tiếp nhận, ghi lý do"), which goes into the audit chain. A
 * document that has no số đến yet takes it now, from the register of the current year — the
 * server's number when main got one (`online`), else the leased block's — and the server hears of
 * the registration as for any other.
 */
export function admitArrival(
  ctx: StoreContext,
  document: IncomingDocument,
  acceptReason: string | undefined,
  now: Date,
  online: ServerNumber | null = null,
): void {
  if (needsArrivalCheck(document)) {
    const check = document.arrivalCheck;
    if (check === null) {
      throw new VanthuError('ARRIVAL_UNCHECKED', errorMessageVi('ARRIVAL_UNCHECKED', '(đang kiểm tra)'), {
        details: { id: document.id, verdict: null },
      });
    }
    if (check.verdict === 'invalid') {
      throw new VanthuError('ARRIVAL_REJECTED', errorMessageVi('ARRIVAL_REJECTED'), {
        details: { id: document.id, verdict: check.verdict },
      });
    }
    if (check.verdict === 'indeterminate') {
      const reason = acceptReason?.trim() ?? '';
      if (reason === '') {
        throw new VanthuError('ARRIVAL_UNCHECKED', errorMessageVi('ARRIVAL_UNCHECKED'), {
          details: { id: document.id, verdict: check.verdict },
        });
      }
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'incoming.accept-anyway',
          entity: 'incoming',
          entityId: document.id,
          details: { verdict: check.verdict, reason, findings: check.findings.map((f) => f.code) },
        },
        now,
      );
    }
  }
  if (document.soDen !== null || document.soDenTam !== null) {
    return;
  }
  const register = ctx.registers.ensure({ maDinhDanh: ctx.maDinhDanh, kind: 'den', year: vietnamYear(now) });
  // Online, the organization's next number at this moment (in order of receipt); else the block's.
  const taken =
    online !== null && online.year === register.year
      ? { provisional: false, number: online.number }
      : ctx.registers.take(register.id, { allowProvisional: true });
  ctx.db
    .prepare(`UPDATE incoming_documents SET register_id = ?, so_den = ?, so_den_tam = ?, updated_at = ? WHERE id = ?`)
    .run(
      register.id,
      taken.provisional ? null : taken.number,
      taken.provisional ? taken.number : null,
      now.toISOString(),
      document.id,
    );
  const numbered = getIncoming(ctx, document.id);
  appendAudit(
    ctx.db,
    {
      actor: ctx.actor,
      action: 'incoming.register',
      entity: 'incoming',
      entityId: document.id,
      details: { soDen: numbered.soDenHienThi, registerId: register.id, fileSha256: numbered.fileSha256 },
    },
    now,
  );
  if (!staysOnWorkstation(numbered.doMat)) {
    enqueueRegistration(ctx, numbered, register.id, now);
  }
}

/**
 * Trả lại takes the document out of the sổ: a number it already held is never given again (the
 * row keeps it, so the unique index and the lease still count it) and the printed register shows
 * it as unused; the audit chain says so.
 */
export function leaveRegister(ctx: StoreContext, document: IncomingDocument, now: Date): void {
  if (document.soDen === null) {
    return;
  }
  appendAudit(
    ctx.db,
    {
      actor: ctx.actor,
      action: 'register.number-unused',
      entity: 'register',
      entityId: document.registerId,
      details: { so: document.soDen, documentId: document.id, reason: 'tra-lai' },
    },
    now,
  );
}

/** Electronic documents in đã đến that still wait for their check, oldest first. */
export function pendingArrivalChecks(
  ctx: StoreContext,
  limit = 20,
): { id: string; fileSha256: string; coQuanBanHanh: string; maCoQuanBanHanh: string | null }[] {
  return ctx.db
    .prepare(
      `SELECT id, file_sha256 AS fileSha256, co_quan_ban_hanh AS coQuanBanHanh, ma_co_quan_ban_hanh AS maCoQuanBanHanh
       FROM incoming_documents
       WHERE check_verdict IS NULL AND file_sha256 IS NOT NULL AND state = 'da-den' AND source <> 'giay'
       ORDER BY created_at LIMIT ?`,
    )
    .all(limit) as { id: string; fileSha256: string; coQuanBanHanh: string; maCoQuanBanHanh: string | null }[];
}

/** Keep the check (and the verifier's report, as documents.verify does) with the document; audited. */
export function setArrivalCheck(
  ctx: StoreContext,
  id: string,
  check: ArrivalCheck,
  verification: Record<string, unknown> | null,
): IncomingDocument {
  const parsed = ArrivalCheckSchema.parse(check);
  return ctx.db
    .transaction(() => {
      const now = ctx.clock();
      const changed = ctx.db
        .prepare(
          `UPDATE incoming_documents SET arrival_check = ?, check_verdict = ?,
             verification = coalesce(?, verification), updated_at = ? WHERE id = ?`,
        )
        .run(
          JSON.stringify(parsed),
          parsed.verdict,
          verification === null ? null : JSON.stringify(verification),
          now.toISOString(),
          id,
        ).changes;
      if (changed !== 1) {
        throw new VanthuError('NOT_FOUND', errorMessageVi('NOT_FOUND'), { details: { id } });
      }
      appendAudit(
        ctx.db,
        {
          actor: 'kiem-tra',
          action: 'incoming.arrival-check',
          entity: 'incoming',
          entityId: id,
          details: {
            verdict: parsed.verdict,
            findings: parsed.findings.map((f) => f.code),
            malware: parsed.malware.status,
          },
        },
        now,
      );
      return getIncoming(ctx, id);
    })
    .immediate();
}

/** The prepared trả lại message from the kept check and verifier's report; null before the check. */
export function returnReason(ctx: StoreContext, id: string): string | null {
  const document = getIncoming(ctx, id);
  if (document.arrivalCheck === null) {
    return null;
  }
  const row = ctx.db.prepare(`SELECT verification FROM incoming_documents WHERE id = ?`).get(id) as {
    verification: string | null;
  };
  const report = row.verification === null ? null : VerifyReportSchema.safeParse(JSON.parse(row.verification));
  return arrivalReturnReasonVi(document.arrivalCheck, report?.success === true ? report.data : null);
}
