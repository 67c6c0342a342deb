import type { PersonRole } from '../../preload/contract/office-roles.ts';
import type { ServerState } from '../state.ts';

/** Departments of the demo organizations (office workflow, API 1.4.0). */
export const DEMO_DEPARTMENTS = [
  { org: '000.00.01.H99', id: 'to-chuc', ten: 'Phòng Tổ chức, biên chế' },
  { org: '000.00.01.H99', id: 'van-phong', ten: 'Văn phòng Sở' },
  { org: '000.00.02.H99', id: 'ngan-sach', ten: 'Phòng Quản lý ngân sách' },
] as const;

interface DemoPerson {
  readonly username: string;
  readonly org: string;
  readonly fullName: string;
  readonly chucVu: string;
  readonly department: string | null;
  readonly roles: readonly PersonRole[];
}

/**
 * The people of the demo organizations: the văn thư accounts of seed.ts get a person, and each sở
 * gets leaders, a department head and specialists. One leader also drafts (two roles).
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    username: 'vanthu.ubnd',
    org: '000.00.00.H99',
    fullName: 'Lê Thị Hoa',
    chucVu: 'Văn thư',
    department: null,
    roles: ['van-thu'],
  },
  {
    username: 'lanhdao.ubnd',
    org: '000.00.00.H99',
    fullName: 'Trần Văn Minh',
    chucVu: 'Chủ tịch',
    department: null,
    roles: ['lanh-dao'],
  },
  {
    username: 'vanthu.snv',
    org: '000.00.01.H99',
    fullName: 'Nguyễn Thị Lan',
    chucVu: 'Văn thư',
    department: 'van-phong',
    roles: ['van-thu'],
  },
  {
    username: 'vanthu2.snv',
    org: '000.00.01.H99',
    fullName: 'Phạm Thị Thu',
    chucVu: 'Văn thư',
    department: 'van-phong',
    roles: ['van-thu'],
  },
  {
    username: 'lanhdao.snv',
    org: '000.00.01.H99',
    fullName: 'Hoàng Văn Nam',
    chucVu: 'Giám đốc',
    department: null,
    roles: ['lanh-dao'],
  },
  {
    username: 'lanhdao2.snv',
    org: '000.00.01.H99',
    fullName: 'Đỗ Thị Mai',
    chucVu: 'Phó Giám đốc',
    department: null,
    roles: ['lanh-dao', 'chuyen-vien'],
  },
  {
    username: 'truongphong.snv',
    org: '000.00.01.H99',
    fullName: 'Vũ Văn Hải',
    chucVu: 'Trưởng phòng',
    department: 'to-chuc',
    roles: ['truong-phong'],
  },
  {
    username: 'chuyenvien.snv',
    org: '000.00.01.H99',
    fullName: 'Bùi Thị Ngọc',
    chucVu: 'Chuyên viên',
    department: 'to-chuc',
    roles: ['chuyen-vien'],
  },
  {
    username: 'chuyenvien2.snv',
    org: '000.00.01.H99',
    fullName: 'Đặng Văn Long',
    chucVu: 'Chuyên viên',
    department: 'to-chuc',
    roles: ['chuyen-vien'],
  },
  {
    username: 'vanthu.stc',
    org: '000.00.02.H99',
    fullName: 'Ngô Thị Bích',
    chucVu: 'Văn thư',
    department: null,
    roles: ['van-thu'],
  },
  {
    username: 'vanthu.vp',
    org: '000.00.03.H99',
    fullName: 'Trịnh Văn Tùng',
    chucVu: 'Văn thư',
    department: null,
    roles: ['van-thu'],
  },
];

/** Departments and people; accounts missing from `users` are created with the demo password. Idempotent. */
export function seedPeople(state: ServerState, password: string): void {
  const { db } = state;
  for (const department of DEMO_DEPARTMENTS) {
    db.prepare('insert or ignore into departments (org, id, ten) values (?, ?, ?)').run(
      department.org,
      department.id,
      department.ten,
    );
  }
  for (const person of DEMO_PEOPLE) {
    db.prepare('insert or ignore into users (username, password, ma_dinh_danh) values (?, ?, ?)').run(
      person.username,
      password,
      person.org,
    );
    db.prepare('insert or ignore into people (username, full_name, chuc_vu, department) values (?, ?, ?, ?)').run(
      person.username,
      person.fullName,
      person.chucVu,
      person.department,
    );
    for (const role of person.roles) {
      db.prepare('insert or ignore into person_roles (username, role) values (?, ?)').run(person.username, role);
    }
  }
}
