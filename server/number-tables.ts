import type Database from 'better-sqlite3';

/**
 * Numbering in order of receipt (API 1.4.0). `number_allocations`: each number the server gave an
 * online workstation, with the key it was asked with (a repeat gets the same number) and the document
 * it is for: if that document is registered with another number (its workstation gave up waiting
 * and numbered from its block), the allocated one goes back to the pool.
 * `returned_numbers`: the pool of numbers a workstation gave back from a leased block; the next
 * online number is the lowest of them before the counter moves, so none is lost.
 * `lease_returns`: where each returned block was cut, so a repeat returns nothing twice.
 */
export function addNumberTables(db: Database.Database): void {
  db.exec(`
    create table if not exists number_allocations (
      org text not null, kind text not null, year integer not null, no integer not null, key text not null,
      document_id text, created_at integer not null, primary key (org, kind, year, no)
    );
    create table if not exists returned_numbers (
      org text not null, kind text not null, year integer not null, no integer not null, lease_id text not null,
      returned_at integer not null, primary key (org, kind, year, no)
    );
    create table if not exists lease_returns (
      lease_id text primary key, from_no integer not null, returned_at integer not null
    );
  `);
}
