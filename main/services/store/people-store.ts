import type { PersonRole } from '../../domain/office-steps.ts';
import type { StoreContext } from './store-context.ts';
import type { PersonDto } from '../../../preload/contract/office.ts';

/** A person who signed in on this workstation online, with their password verifier. */
export interface LocalPerson extends PersonDto {
  readonly verifier: string;
  readonly signedInAt: string;
}

interface PersonRow {
  username: string;
  ma_dinh_danh: string;
  full_name: string;
  chuc_vu: string;
  department: string | null;
  roles: string;
}

function toPerson(row: PersonRow): PersonDto {
  return {
    username: row.username,
    maDinhDanh: row.ma_dinh_danh,
    fullName: row.full_name,
    chucVu: row.chuc_vu,
    department: row.department,
    roles: JSON.parse(row.roles) as PersonRole[],
  };
}

/** After an online sign-in: the person as the server gave them, their new verifier and their colleagues, in one transaction. */
export function rememberPerson(
  ctx: StoreContext,
  person: PersonDto,
  verifier: string,
  colleagues: readonly PersonDto[],
): void {
  ctx.db
    .transaction(() => {
      const at = ctx.clock().toISOString();
      ctx.db
        .prepare(
          `INSERT INTO office_people (username, ma_dinh_danh, full_name, chuc_vu, department, roles, verifier, signed_in_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (username) DO UPDATE SET ma_dinh_danh = excluded.ma_dinh_danh, full_name = excluded.full_name,
             chuc_vu = excluded.chuc_vu, department = excluded.department, roles = excluded.roles,
             verifier = excluded.verifier, signed_in_at = excluded.signed_in_at`,
        )
        .run(
          person.username,
          person.maDinhDanh,
          person.fullName,
          person.chucVu,
          person.department,
          JSON.stringify(person.roles),
          verifier,
          at,
        );
      ctx.db.prepare('DELETE FROM office_colleagues WHERE ma_dinh_danh = ?').run(person.maDinhDanh);
      const insert = ctx.db.prepare(
        `INSERT INTO office_colleagues (ma_dinh_danh, username, full_name, chuc_vu, department, roles) VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const colleague of colleagues) {
        insert.run(
          person.maDinhDanh,
          colleague.username,
          colleague.fullName,
          colleague.chucVu,
          colleague.department,
          JSON.stringify(colleague.roles),
        );
      }
    })
    .immediate();
}

export function localPerson(ctx: StoreContext, username: string): LocalPerson | null {
  const row = ctx.db.prepare('SELECT * FROM office_people WHERE username = ?').get(username) as
    (PersonRow & { verifier: string; signed_in_at: string }) | undefined;
  return row === undefined ? null : { ...toPerson(row), verifier: row.verifier, signedInAt: row.signed_in_at };
}

/** The organization's people with a role (a leader to trình to, a specialist to assign), usable offline. */
export function colleaguesWith(ctx: StoreContext, maDinhDanh: string, role?: PersonRole): PersonDto[] {
  const rows = ctx.db
    .prepare('SELECT * FROM office_colleagues WHERE ma_dinh_danh = ? ORDER BY full_name')
    .all(maDinhDanh) as PersonRow[];
  return rows.map(toPerson).filter((person) => role === undefined || person.roles.includes(role));
}

/** The people ports over one store connection (store worker, CLI, tests). */
export function peopleStoreOn(ctx: StoreContext) {
  return {
    rememberPerson: (person: PersonDto, verifier: string, colleagues: readonly PersonDto[]) =>
      rememberPerson(ctx, person, verifier, colleagues),
    localPerson: (username: string) => localPerson(ctx, username),
    colleaguesWith: (maDinhDanh: string, role?: PersonRole) => colleaguesWith(ctx, maDinhDanh, role),
  };
}
