import type { Database } from 'better-sqlite3';

/**
 * Due and late (issue #20). Each document carries its next due time (`due_rule`, `due_from` the
 * moment or date it runs from, `due_at` its last on-time instant, `due_immediate` for urgent
 * steps), kept by triggers so every writer — registration, sync's inbox, workflow steps, the
 * issuing chain — gets it without knowing of it. The limit itself is computed by the SQL
 * function `vn_due_at` (the working-day calendar, registered on every connection like
 * `vn_fold`). When a document leaves a step the trigger also records when it finished and
 * whether that was late (`done_at`, `done_late`, `done_days` since it was created), which the reports count.
 *
 * Rules: an incoming document is due for trình from its arrival while it is đã đến or đã tiếp
 * nhận; presented or assigned, by its hạn xử lý if it has one. An outgoing document is due for
 * phát hành from sealing; published with a hạn trả lời, until a reply is linked
 * (`incoming_documents.tra_loi_cho`, the outgoing document an incoming one answers).
 * Also: the year's announced holiday arrangement, and the notices already shown (no nagging).
 */
// A replica (another workstation's registration, kept for the organization's sổ) is not this
// workstation's work: no due time, no place in its queues' counts.
const INCOMING_RULE = (n: string): string => `CASE
    WHEN ${n}.replica = 1 THEN NULL
    WHEN ${n}.state IN ('da-den', 'da-tiep-nhan') THEN 'trinh'
    WHEN ${n}.state IN ('da-trinh', 'phan-cong', 'dang-xu-ly') AND ${n}.han_xu_ly IS NOT NULL THEN 'han-xu-ly'
  END`;
const INCOMING_FROM = (n: string): string => `CASE
    WHEN ${n}.state IN ('da-den', 'da-tiep-nhan') THEN ${n}.created_at
    WHEN ${n}.state IN ('da-trinh', 'phan-cong', 'dang-xu-ly') THEN ${n}.han_xu_ly
  END`;
const OUTGOING_RULE = (n: string): string => `CASE
    WHEN ${n}.replica = 1 THEN NULL
    WHEN ${n}.state = 'da-dong-dau' THEN 'phat-hanh'
    WHEN ${n}.state = 'da-phat-hanh' AND ${n}.han_tra_loi IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM incoming_documents r WHERE r.tra_loi_cho = ${n}.id) THEN 'han-tra-loi'
  END`;
const OUTGOING_FROM = (n: string): string => `CASE
    WHEN ${n}.state = 'da-dong-dau' THEN ${n}.updated_at
    WHEN ${n}.state = 'da-phat-hanh' THEN ${n}.han_tra_loi
  END`;

/** The SET clause computing the four due columns of row `n` of `table`. */
function setDue(rule: string, from: string, n: string): string {
  return `(due_rule, due_from, due_at, due_immediate) = (
    SELECT r, f, vn_due_at(r, f, ${n}.do_khan), vn_due_immediate(r, ${n}.do_khan)
    FROM (SELECT ${rule} AS r, ${from} AS f))`;
}

/** Counter triggers of one table: +1 on insert, moved on a change of state, −1 on delete. */
function countTriggers(entity: string): string {
  const add = (state: string): string =>
    `INSERT OR IGNORE INTO document_state_counts (entity, state, n) VALUES ('${entity}', ${state}, 0);
     UPDATE document_state_counts SET n = n + 1 WHERE entity = '${entity}' AND state = ${state};`;
  const remove = (state: string): string =>
    `UPDATE document_state_counts SET n = n - 1 WHERE entity = '${entity}' AND state = ${state};`;
  return `
    CREATE TRIGGER ${entity}_count_insert AFTER INSERT ON ${entity}_documents
      WHEN NEW.replica = 0 BEGIN ${add('NEW.state')} END;
    CREATE TRIGGER ${entity}_count_update AFTER UPDATE OF state ON ${entity}_documents
      WHEN NEW.state IS NOT OLD.state AND NEW.replica = 0 BEGIN ${remove('OLD.state')} ${add('NEW.state')} END;
    CREATE TRIGGER ${entity}_count_delete AFTER DELETE ON ${entity}_documents
      WHEN OLD.replica = 0 BEGIN ${remove('OLD.state')} END;`;
}

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE incoming_documents ADD COLUMN due_rule TEXT;
    ALTER TABLE incoming_documents ADD COLUMN due_from TEXT;
    ALTER TABLE incoming_documents ADD COLUMN due_at TEXT;
    ALTER TABLE incoming_documents ADD COLUMN due_immediate INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE incoming_documents ADD COLUMN done_at TEXT;
    ALTER TABLE incoming_documents ADD COLUMN done_late INTEGER;
    ALTER TABLE incoming_documents ADD COLUMN done_days REAL;
    ALTER TABLE incoming_documents ADD COLUMN tra_loi_cho TEXT REFERENCES outgoing_documents(id);
    ALTER TABLE outgoing_documents ADD COLUMN due_rule TEXT;
    ALTER TABLE outgoing_documents ADD COLUMN due_from TEXT;
    ALTER TABLE outgoing_documents ADD COLUMN due_at TEXT;
    ALTER TABLE outgoing_documents ADD COLUMN due_immediate INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE outgoing_documents ADD COLUMN done_at TEXT;
    ALTER TABLE outgoing_documents ADD COLUMN done_late INTEGER;
    ALTER TABLE outgoing_documents ADD COLUMN done_days REAL;

    UPDATE incoming_documents SET ${setDue(INCOMING_RULE('incoming_documents'), INCOMING_FROM('incoming_documents'), 'incoming_documents')};
    UPDATE outgoing_documents SET ${setDue(OUTGOING_RULE('outgoing_documents'), OUTGOING_FROM('outgoing_documents'), 'outgoing_documents')};
    UPDATE incoming_documents SET done_at = updated_at, done_days = julianday(updated_at) - julianday(created_at)
      WHERE state = 'hoan-thanh';
    UPDATE outgoing_documents SET done_at = updated_at, done_days = julianday(updated_at) - julianday(created_at)
      WHERE state IN ('da-phat-hanh', 'da-thu-hoi');

    CREATE TRIGGER incoming_due_insert AFTER INSERT ON incoming_documents BEGIN
      UPDATE incoming_documents SET ${setDue(INCOMING_RULE('NEW'), INCOMING_FROM('NEW'), 'NEW')} WHERE doc_no = NEW.doc_no;
    END;
    CREATE TRIGGER incoming_due_update AFTER UPDATE OF state, han_xu_ly, do_khan ON incoming_documents BEGIN
      UPDATE incoming_documents SET ${setDue(INCOMING_RULE('NEW'), INCOMING_FROM('NEW'), 'NEW')} WHERE doc_no = NEW.doc_no;
    END;
    CREATE TRIGGER incoming_done AFTER UPDATE OF state ON incoming_documents
      WHEN NEW.state = 'hoan-thanh' AND OLD.state IS NOT 'hoan-thanh' BEGIN
      UPDATE incoming_documents SET done_at = NEW.updated_at,
        done_days = julianday(NEW.updated_at) - julianday(NEW.created_at),
        done_late = CASE WHEN OLD.due_at IS NULL THEN 0 ELSE NEW.updated_at > OLD.due_at END
        WHERE doc_no = NEW.doc_no;
    END;
    CREATE TRIGGER outgoing_due_insert AFTER INSERT ON outgoing_documents BEGIN
      UPDATE outgoing_documents SET ${setDue(OUTGOING_RULE('NEW'), OUTGOING_FROM('NEW'), 'NEW')} WHERE doc_no = NEW.doc_no;
    END;
    CREATE TRIGGER outgoing_due_update AFTER UPDATE OF state, han_tra_loi, do_khan ON outgoing_documents
      WHEN NEW.state IS NOT OLD.state OR NEW.han_tra_loi IS NOT OLD.han_tra_loi OR NEW.do_khan IS NOT OLD.do_khan BEGIN
      UPDATE outgoing_documents SET ${setDue(OUTGOING_RULE('NEW'), OUTGOING_FROM('NEW'), 'NEW')} WHERE doc_no = NEW.doc_no;
    END;
    CREATE TRIGGER outgoing_done AFTER UPDATE OF state ON outgoing_documents
      WHEN NEW.state = 'da-phat-hanh' AND OLD.state = 'da-dong-dau' BEGIN
      UPDATE outgoing_documents SET done_at = NEW.updated_at,
        done_days = julianday(NEW.updated_at) - julianday(NEW.created_at),
        done_late = CASE WHEN OLD.due_at IS NULL THEN 0 ELSE NEW.updated_at > OLD.due_at END
        WHERE doc_no = NEW.doc_no;
    END;
    -- A reply linked (or unlinked) settles (or reopens) the hạn trả lời of what it answers.
    CREATE TRIGGER incoming_reply AFTER UPDATE OF tra_loi_cho ON incoming_documents BEGIN
      UPDATE outgoing_documents SET ${setDue(OUTGOING_RULE('outgoing_documents'), OUTGOING_FROM('outgoing_documents'), 'outgoing_documents')}
        WHERE id IN (OLD.tra_loi_cho, NEW.tra_loi_cho) AND state = 'da-phat-hanh';
    END;

    -- Tổng quan counts each queue by state and what is late by due time, from the index alone.
    CREATE INDEX incoming_state_due ON incoming_documents(state, due_at);
    CREATE INDEX incoming_due ON incoming_documents(due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX incoming_reply ON incoming_documents(tra_loi_cho) WHERE tra_loi_cho IS NOT NULL;
    CREATE INDEX outgoing_due ON outgoing_documents(due_at) WHERE due_at IS NOT NULL;
    -- A report reads its period from these covering indexes alone (a year of 100,000 documents
    -- in about a quarter of a second, against a second from the table's rows).
    CREATE INDEX incoming_report ON incoming_documents(ngay_den, ten_loai, source, state, done_late, done_days, due_at);
    CREATE INDEX outgoing_report ON outgoing_documents(ngay_ban_hanh, state, ten_loai, done_late, done_days, done_at);


    -- Tổng quan reads each queue's size from these counters, kept by triggers in the writing
    -- transaction: a constant-time read instead of counting a large register on every visit.
    CREATE TABLE document_state_counts (
      entity TEXT NOT NULL CHECK (entity IN ('incoming', 'outgoing')),
      state TEXT NOT NULL,
      n INTEGER NOT NULL CHECK (n >= 0),
      PRIMARY KEY (entity, state)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO document_state_counts (entity, state, n)
      SELECT 'incoming', state, count(*) FROM incoming_documents WHERE replica = 0 GROUP BY state;
    INSERT INTO document_state_counts (entity, state, n)
      SELECT 'outgoing', state, count(*) FROM outgoing_documents WHERE replica = 0 GROUP BY state;
    ${countTriggers('incoming')}
    ${countTriggers('outgoing')}

    CREATE TABLE calendar_arrangements (
      year INTEGER PRIMARY KEY,
      arrangement TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('server', 'import')),
      stored_at TEXT NOT NULL
    ) STRICT;

    -- One row per notice shown: the same arrival or the same due day is never announced twice.
    CREATE TABLE notices_sent (
      entity TEXT NOT NULL CHECK (entity IN ('incoming', 'outgoing')),
      entity_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      PRIMARY KEY (entity, entity_id, reason)
    ) STRICT;
  `);
}
