import { VanthuError } from '../../../preload/contract/errors.ts';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import type { ProfilePaths } from '../disk/profile-paths.ts';
import { isValidMaDinhDanh } from '../../domain/ma-dinh-danh.ts';
import type { Logger } from '../log/logger.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { startStoreWorker, type StoreCall, type StoreClient } from './store-client.ts';

/** The store as the app sees it: every call goes to the worker, started on first use. */
export interface StoreService {
  readonly call: StoreCall;
  close(): Promise<void>;
}

/**
 * Started lazily because the organization's mã định danh (owner of the registers) comes from
 * settings, which a first-run user fills in before registering anything. A failed start is
 * not cached, so fixing the settings and retrying works without a restart.
 */
export function createStoreService(options: {
  readonly profile: ProfilePaths;
  readonly settings: SettingsStore;
  readonly log: Logger;
  /** Called after a store call queued outbox work. */
  readonly onQueued?: () => void;
  /** The profile key of an encrypted profile, unlocked by the shell before the store starts. */
  readonly key?: Buffer;
}): StoreService {
  let client: Promise<StoreClient> | undefined;
  const start = (): Promise<StoreClient> => {
    const organization = options.settings.get().organization;
    if (!isValidMaDinhDanh(organization.maDinhDanh)) {
      return Promise.reject(
        new VanthuError(
          'INVALID_INPUT',
          errorMessageVi('INVALID_INPUT', 'Chưa cấu hình mã định danh cơ quan (Cài đặt → Cơ quan).'),
          {
            details: { field: 'organization.maDinhDanh' },
          },
        ),
      );
    }
    return startStoreWorker({
      databasePath: options.profile.database,
      filesDir: options.profile.files,
      maDinhDanh: organization.maDinhDanh,
      tenCoQuan: organization.name === '' ? organization.maDinhDanh : organization.name,
      log: options.log,
      ...(options.key === undefined ? {} : { key: options.key }),
      ...(options.onQueued === undefined ? {} : { onQueued: options.onQueued }),
    });
  };
  const call: StoreCall = async (method, ...args) => {
    client ??= start().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return (await client).call(method, ...args);
  };
  return {
    call,
    async close() {
      const current = client;
      client = undefined;
      if (current !== undefined) {
        await (await current).close();
      }
    },
  };
}
