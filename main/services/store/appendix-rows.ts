import type { Database } from 'better-sqlite3';
import type { Appendix } from '../../../preload/contract/appendices.ts';
import { statement } from './statements.ts';

interface AppendixRow {
  position: number;
  kind: Appendix['kind'];
  title: string;
  sha256: string;
  file_name: string;
  signed: number | null;
  size: number | null;
}

function toAppendix(row: AppendixRow): Appendix {
  return {
    position: row.position,
    kind: row.kind,
    title: row.title,
    sha256: row.sha256,
    size: row.size ?? 0,
    fileName: row.file_name,
    signed: row.signed === null ? null : row.signed === 1,
  };
}

/** An outgoing document's appendices in order (read by getOutgoing, so the record lists them). */
export function outgoingAppendixRows(db: Database, outgoingId: string): Appendix[] {
  const rows = statement(
    db,
    `SELECT p.position, p.kind, p.title, p.sha256, p.file_name, p.signed, a.size
         FROM outgoing_appendices p LEFT JOIN attachments a ON a.sha256 = p.sha256
        WHERE p.outgoing_id = ? ORDER BY p.position`,
  ).all(outgoingId) as AppendixRow[];
  return rows.map(toAppendix);
}

/**
 * The appendices that arrived with an incoming document. Whether each is signed is the
 * verifier's to say when it is opened, not the sender's claim, so `signed` is not stored here.
 */
export function incomingAppendixRows(db: Database, incomingId: string): Appendix[] {
  const rows = db
    .prepare(
      `SELECT p.position, p.kind, p.title, p.sha256, p.file_name, NULL AS signed, a.size
         FROM incoming_appendices p LEFT JOIN attachments a ON a.sha256 = p.sha256
        WHERE p.incoming_id = ? ORDER BY p.position`,
    )
    .all(incomingId) as AppendixRow[];
  return rows.map(toAppendix);
}
