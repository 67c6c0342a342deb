import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A statement compiled once per connection and kept. The issuing chain's commits read and write
 * the same few rows for every document of a batch, and compiling their SQL again each time was a
 * sixth of the store worker's time (issue #15). Only for statements used as they are: one that
 * is `.pluck()`ed or `.raw()`ed keeps that mode, so such SQL must always be used the same way.
 */
export function statement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
