import type { Report, ReportRequest } from '../../../preload/contract/reports.ts';
import type { StoreContext } from './store-context.ts';

/** The latest phân công's đơn vị chủ trì of incoming document `d`. */
const CHU_TRI = `(SELECT a.chu_tri FROM incoming_assignments a WHERE a.incoming_id = d.id ORDER BY a.seq DESC LIMIT 1)`;
/** Outgoing documents issued (phát hành, or recalled after it) are counted by ngày ban hành. */
const ISSUED = `o.state IN ('da-phat-hanh', 'da-thu-hoi') AND o.ngay_ban_hanh BETWEEN ? AND ?`;

interface Count {
  key: string;
  n: number;
}

/**
 * The figures of a report, by SQL over this workstation's store: the incoming documents that
 * arrived in the period (ngày đến, on the `incoming_ngay_den` index) and the outgoing ones issued
 * in it (ngày ban hành, `outgoing_ngay_ban_hanh`). A department narrows the incoming side to the
 * documents it leads (chủ trì of the latest phân công); outgoing documents carry no drafting unit
 * yet (issue #16 brings people and units), so the issued side stays the office's.
 */
export function computeReport(ctx: StoreContext, request: ReportRequest): Report {
  const { from, to } = request;
  const department = request.department.trim();
  const inWhere = `d.ngay_den BETWEEN ? AND ?${department === '' ? '' : ` AND ${CHU_TRI} = ?`}`;
  const inParams = department === '' ? [from, to] : [from, to, department];
  const now = ctx.clock().toISOString();
  const groups = (sql: string, params: readonly unknown[]): Count[] => ctx.db.prepare(sql).all(...params) as Count[];

  const received = ctx.db
    .prepare(
      `SELECT count(*) AS total,
         coalesce(sum(d.source IN ('truc', 'email')), 0) AS electronic,
         coalesce(sum(d.state = 'hoan-thanh'), 0) AS done,
         coalesce(sum(d.state = 'hoan-thanh' AND coalesce(d.done_late, 0) = 0), 0) AS doneOnTime,
         coalesce(sum(d.state = 'hoan-thanh' AND d.done_late = 1), 0) AS doneLate,
         coalesce(sum(d.due_at IS NOT NULL AND d.due_at < ?), 0) AS overdue,
         avg(CASE WHEN d.state = 'hoan-thanh' AND d.done_at IS NOT NULL
           THEN julianday(d.done_at) - julianday(d.created_at) END) AS averageDays
       FROM incoming_documents d WHERE ${inWhere}`,
    )
    .get(now, ...inParams) as Omit<Report['received'], 'byType' | 'bySource'>;
  const issued = ctx.db
    .prepare(
      `SELECT count(*) AS total,
         coalesce(sum(o.file_sha256 IS NOT NULL), 0) AS electronic,
         coalesce(sum(EXISTS (SELECT 1 FROM outgoing_files f WHERE f.document_id = o.id AND f.stage = 'da-ky')), 0)
           AS signedDigitally,
         coalesce(sum(o.done_at IS NOT NULL AND coalesce(o.done_late, 0) = 0), 0) AS publishedOnTime,
         coalesce(sum(o.done_late = 1), 0) AS publishedLate,
         avg(CASE WHEN o.done_at IS NOT NULL THEN julianday(o.done_at) - julianday(o.created_at) END) AS averageDays
       FROM outgoing_documents o WHERE ${ISSUED}`,
    )
    .get(from, to) as Omit<Report['issued'], 'byType'>;
  return {
    from,
    to,
    department,
    generatedAt: ctx.clock().toISOString(),
    scope: 'may-tram',
    received: {
      ...received,
      averageDays: roundDays(received.averageDays),
      byType: groups(
        `SELECT d.ten_loai AS key, count(*) AS n FROM incoming_documents d WHERE ${inWhere} GROUP BY d.ten_loai ORDER BY n DESC, key`,
        inParams,
      ),
      bySource: groups(
        `SELECT d.source AS key, count(*) AS n FROM incoming_documents d WHERE ${inWhere} GROUP BY d.source ORDER BY n DESC, key`,
        inParams,
      ),
    },
    issued: {
      ...issued,
      averageDays: roundDays(issued.averageDays),
      byType: groups(
        `SELECT o.ten_loai AS key, count(*) AS n FROM outgoing_documents o WHERE ${ISSUED} GROUP BY o.ten_loai ORDER BY n DESC, key`,
        [from, to],
      ),
    },
  };
}

function roundDays(days: number | null): number | null {
  return days === null ? null : Math.round(days * 100) / 100;
}
