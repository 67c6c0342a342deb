import type { ArrivalCheck } from '../../../preload/contract/arrival-check.ts';
import { verdictOf } from '../../../preload/contract/arrival-check.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { scanFindings } from '../pdf/verify/scan-quality.ts';
import { readAttachmentSource } from './attachments.ts';
import { appendAudit } from './audit.ts';
import type { StoreContext } from './store-context.ts';

/**
 * A paper document registered with its scan: the scan is held to the digitisation standard
 * (pdf/verify/scan-quality.ts). Below it the registration is refused with what is wrong, unless the văn thư
 * gives a reason, which is kept with the check and in the audit chain.
 */
export function checkScan(path: string, reason: string | undefined, now: Date): ArrivalCheck {
  let findings: ArrivalCheck['findings'];
  try {
    findings = scanFindings(readAttachmentSource(path));
  } catch {
    findings = [
      {
        code: 'UNREADABLE',
        severity: 'indeterminate',
        message: 'Không đọc được tệp bản quét như một tệp PDF.',
        where: [],
      },
    ];
  }
  if (findings.length > 0 && (reason?.trim() ?? '') === '') {
    const what = findings.map((f) => `${f.message}${f.where.length === 0 ? '' : ` (${f.where.join('; ')})`}`);
    throw new VanthuError('SCAN_BELOW_STANDARD', errorMessageVi('SCAN_BELOW_STANDARD', what.join(' ')), {
      details: { findings: findings.map((f) => ({ code: f.code, message: f.message, where: f.where })) },
    });
  }
  return {
    verdict: verdictOf(findings),
    checkedAt: now.toISOString(),
    signatures: [],
    findings,
    malware: { scanner: null, status: 'not-scanned', detail: '' },
  };
}

/** Inside the registration's transaction: the scan's check with the document, the reason audited. */
export function recordScanCheck(
  ctx: StoreContext,
  id: string,
  check: ArrivalCheck,
  reason: string | undefined,
  now: Date,
): void {
  ctx.db
    .prepare(`UPDATE incoming_documents SET arrival_check = ?, check_verdict = ? WHERE id = ?`)
    .run(JSON.stringify(check), check.verdict, id);
  if (check.findings.length > 0) {
    appendAudit(
      ctx.db,
      {
        actor: ctx.actor,
        action: 'incoming.scan-accepted',
        entity: 'incoming',
        entityId: id,
        details: { reason: reason?.trim() ?? '', findings: check.findings.map((f) => f.code) },
      },
      now,
    );
  }
}
