import type { Database } from 'better-sqlite3';
import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { ProfilePaths } from '../disk/profile-paths.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { isValidMaDinhDanh } from '../../domain/ma-dinh-danh.ts';
import { useFilesKey } from '../cipher/files-key.ts';
import { cliProfileKey } from '../vault/cli-key.ts';
import { openDatabase } from './open-database.ts';
import { createStore, type StoreApi } from './store.ts';

export interface ProfileStore {
  readonly store: StoreApi;
  readonly db: Database;
  close(): void;
}

/**
 * Open the profile's store in this thread, for the CLI (a headless command has no UI loop to
 * protect). The organization comes from settings, or `VANTHU_ORG` during an incident on a
 * machine that was never configured.
 */
export function openProfileStore(
  profile: ProfilePaths,
  settings: SettingsStore,
  env: NodeJS.ProcessEnv = process.env,
  key: Buffer | undefined = cliProfileKey(profile.root, env),
): ProfileStore {
  const organization = settings.get().organization;
  const maDinhDanh = organization.maDinhDanh !== '' ? organization.maDinhDanh : (env['VANTHU_ORG'] ?? '');
  if (!isValidMaDinhDanh(maDinhDanh)) {
    throw new VanthuError(
      'INVALID_INPUT',
      errorMessageVi('INVALID_INPUT', 'Chưa cấu hình mã định danh cơ quan (Cài đặt → Cơ quan, hoặc biến VANTHU_ORG).'),
      { details: { field: 'organization.maDinhDanh' } },
    );
  }
  const db = openDatabase(profile.database, key === undefined ? {} : { key });
  useFilesKey(profile.files, key ?? null);
  const store = createStore({
    db,
    filesDir: profile.files,
    maDinhDanh,
    tenCoQuan: organization.name === '' ? maDinhDanh : organization.name,
  });
  return {
    store,
    db,
    close: () => {
      db.close();
      useFilesKey(profile.files, null);
    },
  };
}
