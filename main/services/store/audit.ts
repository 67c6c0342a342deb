import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.ts';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly details?: Record<string, unknown>;
}

export interface AuditRecord extends Required<AuditEntry> {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type AuditVerdict =
  | { readonly ok: true; readonly entries: number; readonly headHash: string }
  | { readonly ok: false; readonly entries: number; readonly brokenAt: number; readonly reason: 'edited' | 'missing' };

export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every field and the previous hash, so editing or removing any row breaks the chain. */
function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append one entry; call inside the transaction of the change it records. */
export function appendAudit(db: Database, entry: AuditEntry, now: Date = new Date()): AuditRecord {
  const last = statement(db, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as
    { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(row);
  statement(
    db,
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, details, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @details, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  // The head is kept beside the chain so deleting the newest entries is noticed too.
  statement(
    db,
    `INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(`${row.seq}:${hash}`);
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    details: entry.details ?? {},
    prevHash: row.prev_hash,
    hash,
  };
}

/** Walk the whole chain: recompute every hash, check links, sequence and the recorded head. */
export function verifyAudit(db: Database): AuditVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.prepare(`SELECT * FROM audit_log ORDER BY seq`).iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq || row.prev_hash !== prev) {
      return { ok: false, entries, brokenAt: expectedSeq, reason: 'missing' };
    }
    if (entryHash(row) !== row.hash) {
      return { ok: false, entries, brokenAt: row.seq, reason: 'edited' };
    }
    prev = row.hash;
    expectedSeq += 1;
    entries += 1;
  }
  const head = db.prepare(`SELECT value FROM meta WHERE key = 'audit_head'`).get() as { value: string } | undefined;
  const expectedHead = entries === 0 ? undefined : `${entries}:${prev}`;
  if (head?.value !== expectedHead) {
    return { ok: false, entries, brokenAt: entries + 1, reason: 'missing' };
  }
  return { ok: true, entries, headHash: prev };
}
