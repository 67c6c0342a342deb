import type { Database } from 'better-sqlite3';
import type { UserProfile, UserProfilePatch } from '../../../preload/contract/organizations.ts';
import { actionsOfRole, type UserRole } from '../../../preload/contract/workflow.ts';
import { appendAudit } from './audit.ts';

/** One person uses a workstation profile; the row is created on first update. */
const LOCAL_ID = 'local';

interface ProfileRow {
  ho_ten: string;
  chuc_vu: string;
  role: UserRole;
  ma_dinh_danh: string;
  updated_at: string;
}

function toProfile(row: ProfileRow): UserProfile {
  return {
    hoTen: row.ho_ten,
    chucVu: row.chuc_vu,
    role: row.role,
    maDinhDanh: row.ma_dinh_danh,
    actions: actionsOfRole(row.role),
    updatedAt: row.updated_at === '' ? null : row.updated_at,
  };
}

/**
 * Before anyone fills the profile in, the workstation acts as a văn thư: the CLI and the
 * registration screens are the văn thư's tools, and that is what this app did before profiles.
 */
export function getUserProfile(db: Database, maDinhDanh: string): UserProfile {
  const row = db.prepare(`SELECT * FROM profiles WHERE id = ?`).get(LOCAL_ID) as ProfileRow | undefined;
  return toProfile(row ?? { ho_ten: '', chuc_vu: '', role: 'van-thu', ma_dinh_danh: maDinhDanh, updated_at: '' });
}

/** Change the local profile; a change of role is audited (it changes what the person may do). */
export function updateUserProfile(
  db: Database,
  maDinhDanh: string,
  patch: UserProfilePatch,
  actor: string,
  now: Date,
): UserProfile {
  return db
    .transaction(() => {
      const before = getUserProfile(db, maDinhDanh);
      const next = {
        id: LOCAL_ID,
        hoTen: patch.hoTen ?? before.hoTen,
        chucVu: patch.chucVu ?? before.chucVu,
        role: patch.role ?? before.role,
        maDinhDanh,
        at: now.toISOString(),
      };
      db.prepare(
        `INSERT INTO profiles (id, ho_ten, chuc_vu, role, ma_dinh_danh, updated_at)
         VALUES (@id, @hoTen, @chucVu, @role, @maDinhDanh, @at)
         ON CONFLICT (id) DO UPDATE SET ho_ten = excluded.ho_ten, chuc_vu = excluded.chuc_vu, role = excluded.role,
           ma_dinh_danh = excluded.ma_dinh_danh, updated_at = excluded.updated_at`,
      ).run(next);
      if (next.role !== before.role || before.updatedAt === null) {
        appendAudit(
          db,
          {
            actor,
            action: 'profile.role',
            entity: 'profile',
            entityId: LOCAL_ID,
            details: { from: before.updatedAt === null ? null : before.role, to: next.role },
          },
          now,
        );
      }
      return getUserProfile(db, maDinhDanh);
    })
    .immediate();
}

/** How the audit log names the person: `lanh-dao:Lê Văn Đông`, or the role alone before a name is set. */
export function actorOf(profile: Pick<UserProfile, 'role' | 'hoTen'>): string {
  return profile.hoTen === '' ? profile.role : `${profile.role}:${profile.hoTen}`;
}
