import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { IncomingInputSchema, type IncomingInput } from '../../../preload/contract/incoming.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore, type StoreApi } from '../../../main/services/store/store.ts';

export const ORG = '000.00.12.H55';

export function tempDir(prefix = 'vanthu-store-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A store on a real database file in a fresh folder, with a settable clock. */
export function openTestStore(options: { now?: Date; dir?: string } = {}): {
  store: StoreApi;
  db: Database;
  dir: string;
  setNow(now: Date): void;
} {
  const dir = options.dir ?? tempDir();
  let now = options.now ?? new Date('2026-03-10T02:00:00Z');
  const db = openDatabase(join(dir, 'vanthu.sqlite'));
  const store = createStore({
    db,
    filesDir: join(dir, 'files'),
    maDinhDanh: ORG,
    tenCoQuan: 'Sở Tư pháp',
    clock: () => now,
  });
  return { store, db, dir, setNow: (n) => (now = n) };
}

export function incoming(overrides: Partial<IncomingInput> = {}): IncomingInput {
  return IncomingInputSchema.parse({
    tenLoai: 'Quyết định',
    so: '15',
    kyHieu: 'QĐ-UBND',
    ngayBanHanh: '2026-03-09',
    coQuanBanHanh: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    trichYeu: 'Về việc ban hành quy chế quản lý văn bản điện tử',
    nguoiKy: 'Nguyễn Văn Đức',
    chucVu: 'Chủ tịch',
    ...overrides,
  });
}

/** Give the current year's incoming register an open lease (a single-workstation register). */
export function openLease(store: StoreApi, year = 2026): string {
  const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'den', year });
  store.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
  return register.id;
}
