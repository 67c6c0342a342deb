import type { Database } from 'better-sqlite3';

/** A document marked mật after it was registered takes its unsent jobs out of the outbox at that moment. */
function holdWhenMarkedSecret(kind: 'incoming' | 'outgoing'): string {
  return `
    CREATE TRIGGER ${kind}_became_secret AFTER UPDATE OF do_mat ON ${kind}_documents
      WHEN NEW.do_mat > 0 AND OLD.do_mat = 0
    BEGIN
      INSERT INTO outbox_held_jobs (id, kind, job_key, payload, state, created_at, held_at, reason)
        SELECT id, kind, job_key, payload, state, created_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'secret'
        FROM outbox_jobs
        WHERE state IN ('pending', 'paused', 'failed')
          AND (job_key IN (SELECT key FROM secret_keys) OR json_extract(payload, '$.documentId') = NEW.id);
      DELETE FROM outbox_jobs WHERE id IN (SELECT id FROM outbox_held_jobs);
    END;`;
}

/**
 * Documents marked Mật, Tối mật or Tuyệt mật never leave the workstation (domain/secrecy.ts).
 * The services queue nothing for them; this migration makes the database refuse it as well, so a
 * path that forgets fails loudly instead of leaking:
 * - `secret_keys`: every outbox key that names such a document — its id, or the hash of one of
 *   its files (document, original, phụ lục, each file of its issuing chain);
 * - a trigger aborts any outbox insert whose key or payload documentId is one of them;
 * - jobs already queued for such documents before this version — or before a document was marked
 *   mật — are held: moved, unsent, into `outbox_held_jobs` with the time they were held, where the
 *   sync engine never looks (a job already in flight cannot be called back).
 * The partial indexes keep the trigger's lookups on the (few) secret documents.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX incoming_secret ON incoming_documents(id) WHERE do_mat > 0;
    CREATE INDEX outgoing_secret ON outgoing_documents(id) WHERE do_mat > 0;

    CREATE VIEW secret_keys(key) AS
      SELECT id FROM incoming_documents WHERE do_mat > 0
      UNION SELECT file_sha256 FROM incoming_documents WHERE do_mat > 0 AND file_sha256 IS NOT NULL
      UNION SELECT original_sha256 FROM incoming_documents WHERE do_mat > 0 AND original_sha256 IS NOT NULL
      UNION SELECT a.sha256 FROM incoming_appendices a JOIN incoming_documents d ON d.id = a.incoming_id WHERE d.do_mat > 0
      UNION SELECT id FROM outgoing_documents WHERE do_mat > 0
      UNION SELECT file_sha256 FROM outgoing_documents WHERE do_mat > 0 AND file_sha256 IS NOT NULL
      UNION SELECT original_sha256 FROM outgoing_documents WHERE do_mat > 0 AND original_sha256 IS NOT NULL
      UNION SELECT a.sha256 FROM outgoing_appendices a JOIN outgoing_documents d ON d.id = a.outgoing_id WHERE d.do_mat > 0
      UNION SELECT f.sha256 FROM outgoing_files f JOIN outgoing_documents d ON d.id = f.document_id WHERE d.do_mat > 0;

    CREATE TABLE outbox_held_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      job_key TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      held_at TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;

    INSERT INTO outbox_held_jobs (id, kind, job_key, payload, state, created_at, held_at, reason)
      SELECT id, kind, job_key, payload, state, created_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'secret'
      FROM outbox_jobs
      WHERE state <> 'done'
        AND (job_key IN (SELECT key FROM secret_keys)
          OR json_extract(payload, '$.documentId') IN (SELECT key FROM secret_keys));
    DELETE FROM outbox_jobs WHERE id IN (SELECT id FROM outbox_held_jobs);

    ${holdWhenMarkedSecret('incoming')}
    ${holdWhenMarkedSecret('outgoing')}

    CREATE TRIGGER outbox_secret_stays_local BEFORE INSERT ON outbox_jobs
      WHEN NEW.job_key IN (SELECT key FROM secret_keys)
        OR json_extract(NEW.payload, '$.documentId') IN (SELECT key FROM secret_keys)
    BEGIN
      SELECT RAISE(ABORT, 'SECRET_STAYS_LOCAL: a document marked mật never leaves the workstation');
    END;
  `);
}
