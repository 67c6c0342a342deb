import type { DocumentFilter, IncomingDocument } from '../../../preload/contract/incoming.ts';
import { foldVietnamese } from '../../domain/fold.ts';
import { vietnamDate } from '../../domain/vietnam-time.ts';
import { toIncomingDocument, type IncomingRow } from './incoming-rows.ts';
import type { StoreContext } from './store-context.ts';

/**
 * Turn what a clerk typed into an FTS5 query on folded text: every word must match, the last
 * one as a prefix (results while typing). Words are quoted so FTS syntax characters in a
 * số/ký hiệu such as "15/QĐ-UBND" are taken literally.
 */
export function toFtsQuery(text: string): string | null {
  const words = foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (words.length === 0) {
    return null;
  }
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** Incoming documents matching a search and filters, newest registration first. */
export function listIncoming(ctx: StoreContext, filter: Partial<DocumentFilter> = {}): IncomingDocument[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const fts = filter.search === undefined ? null : toFtsQuery(filter.search);
  if (fts !== null) {
    where.push(`incoming_fts MATCH ?`);
    params.push(fts);
  }
  if (filter.state !== undefined) {
    // A queue is this workstation's work: another workstation's registration (a replica) is searchable, not actionable here.
    where.push(`d.state = ? AND d.replica = 0`);
    params.push(filter.state);
  }
  if (filter.from !== undefined) {
    where.push(`d.ngay_den >= ?`);
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push(`d.ngay_den <= ?`);
    params.push(filter.to);
  }
  if (filter.doKhan !== undefined) {
    where.push(`d.do_khan = ?`);
    params.push(filter.doKhan);
  }
  if (filter.overdue === true) {
    where.push(`d.han_xu_ly IS NOT NULL AND d.han_xu_ly < ? AND d.state NOT IN ('hoan-thanh', 'tra-lai', 'thu-hoi')`);
    params.push(vietnamDate(ctx.clock()));
  }
  // With a search, drive from the FTS index in rowid (= registration) order, newest first, so
  // LIMIT stops the scan early; `doc_no IN (…)` would first collect every match (10× slower at p95).
  const from =
    fts === null
      ? `FROM incoming_documents d`
      : `FROM incoming_fts JOIN incoming_documents d ON d.doc_no = incoming_fts.rowid`;
  const order = fts === null ? `d.doc_no DESC` : `incoming_fts.rowid DESC`;
  const sql = `SELECT d.* ${from} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
    ORDER BY ${order} LIMIT ? OFFSET ?`;
  params.push(filter.limit ?? 100, filter.offset ?? 0);
  return (ctx.db.prepare(sql).all(...params) as IncomingRow[]).map(toIncomingDocument);
}
