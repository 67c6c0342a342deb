import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { statement } from '../../../main/services/store/statements.ts';
import { tempDir } from './helpers.ts';

describe('statements compiled once per connection (#15)', () => {
  it('gives the same compiled statement for the same SQL on one connection, and its own to another', () => {
    const path = join(tempDir(), 'a.sqlite');
    const one = new Database(path);
    const two = new Database(path);
    one.exec(`CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)`);
    const insert = `INSERT INTO t (k, v) VALUES (?, ?)`;
    const read = `SELECT v FROM t WHERE k = ?`;
    expect(statement(one, insert)).toBe(statement(one, insert));
    expect(statement(two, insert)).not.toBe(statement(one, insert));
    statement(one, insert).run('a', 1);
    statement(two, insert).run('b', 2);
    // The kept statement reads the rows as they are now, whoever wrote them.
    expect(statement(one, read).get('b')).toEqual({ v: 2 });
    statement(two, `UPDATE t SET v = 3 WHERE k = ?`).run('b');
    expect(statement(one, read).get('b')).toEqual({ v: 3 });
    one.close();
    two.close();
  });
});
