import type { PersonRole } from '../../preload/contract/office-roles.ts';
import { HttpProblem } from '../http.ts';
import type { ServerState } from '../state.ts';

export interface Person {
  readonly username: string;
  readonly org: string;
  readonly fullName: string;
  readonly chucVu: string;
  readonly department: string | null;
  readonly roles: readonly PersonRole[];
}

interface PersonRow {
  username: string;
  org: string;
  full_name: string | null;
  chuc_vu: string | null;
  department: string | null;
}

function toPerson(state: ServerState, row: PersonRow): Person {
  const roles = state.db
    .prepare('select role from person_roles where username = ? order by role')
    .pluck()
    .all(row.username) as PersonRole[];
  return {
    username: row.username,
    org: row.org,
    fullName: row.full_name ?? row.username,
    chucVu: row.chuc_vu ?? '',
    department: row.department,
    // Every account was a văn thư's before 1.4.0: one without roles keeps being one.
    roles: roles.length === 0 ? ['van-thu'] : roles,
  };
}

const SELECT = `select u.username, u.ma_dinh_danh as org, p.full_name, p.chuc_vu, p.department
  from users u left join people p using (username)`;

export function personOf(state: ServerState, username: string): Person {
  const row = state.db.prepare(`${SELECT} where u.username = ?`).get(username) as PersonRow | undefined;
  if (row === undefined) {
    throw new HttpProblem(401, 'UNAUTHENTICATED', 'Tài khoản không còn tồn tại.');
  }
  return toPerson(state, row);
}

/** A person of the caller's organization, or null (never reveal another organization's people). */
export function colleague(state: ServerState, org: string, username: string): Person | null {
  const row = state.db.prepare(`${SELECT} where u.username = ? and u.ma_dinh_danh = ?`).get(username, org) as
    PersonRow | undefined;
  return row === undefined ? null : toPerson(state, row);
}

export function peopleOf(state: ServerState, org: string): Person[] {
  const rows = state.db.prepare(`${SELECT} where u.ma_dinh_danh = ? order by u.username`).all(org) as PersonRow[];
  return rows.map((row) => toPerson(state, row));
}

export function departmentsOf(state: ServerState, org: string): { id: string; ten: string }[] {
  return state.db.prepare('select id, ten from departments where org = ? order by id').all(org) as {
    id: string;
    ten: string;
  }[];
}

export function withRole(state: ServerState, org: string, role: PersonRole): string[] {
  return peopleOf(state, org)
    .filter((person) => person.roles.includes(role))
    .map((person) => person.username);
}
