/**
 * Status codes a recipient reports on a document (QCVN 102 edXMLStatus, LGSP table, vn-rules §4.5):
 * 01 đã đến … 06 hoàn thành, 02 trả lại (từ chối tiếp nhận) with a reason; 13 thu hồi is the
 * sender's own, 15/16 are the recipient's answer to a recall.
 */
export const PROCESSING_STATUS_CODES = ['01', '02', '03', '04', '05', '06'] as const;
export const RECALL_ANSWER_CODES = ['15', '16'] as const;
export const RECIPIENT_STATUS_CODES = [...PROCESSING_STATUS_CODES, '13', ...RECALL_ANSWER_CODES] as const;
export type RecipientStatusCode = (typeof RECIPIENT_STATUS_CODES)[number];

export function isRecipientStatusCode(value: string): value is RecipientStatusCode {
  return (RECIPIENT_STATUS_CODES as readonly string[]).includes(value);
}

/** A return (02) means nothing without its reason [ND30 Điều 21 k2b]; other codes need none. */
export function statusNeedsReason(code: RecipientStatusCode): boolean {
  return code === '02';
}

export interface ReportedStatus {
  readonly code: string;
  readonly reason: string | null;
  readonly at: string;
}

/**
 * The status to show for a recipient: the latest processing report by time (ties: the higher
 * code, since processing only moves forward), and separately the latest answer to a recall.
 */
export function latestStatuses(reports: readonly ReportedStatus[]): {
  processing: ReportedStatus | null;
  recall: ReportedStatus | null;
} {
  const later = (a: ReportedStatus | null, b: ReportedStatus): ReportedStatus =>
    a === null || b.at > a.at || (b.at === a.at && b.code > a.code) ? b : a;
  let processing: ReportedStatus | null = null;
  let recall: ReportedStatus | null = null;
  for (const report of reports) {
    if ((PROCESSING_STATUS_CODES as readonly string[]).includes(report.code)) {
      processing = later(processing, report);
    } else if ((RECALL_ANSWER_CODES as readonly string[]).includes(report.code)) {
      recall = later(recall, report);
    }
  }
  return { processing, recall };
}
