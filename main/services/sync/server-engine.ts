import { errorMessageVi, VanthuError } from '../../../preload/contract/index.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import { attachmentPath, openAttachment } from '../store/attachments.ts';
import type { StoreCall } from '../store/store-client.ts';
import { ApiClient } from './api-client.ts';
import { SyncEngine } from './engine.ts';
import { createAttachmentFileSink } from './file-sink.ts';
import { finalizeProvisional } from './finalize-provisional.ts';
import type { SyncClock, SyncCredentials } from './ports.ts';
import type { SessionVault, StoredSession } from './session-vault.ts';
import { storeCalendar, storeLeases, storeOutbox, storeRegistrations, storeSinks } from './store-ports.ts';
import { createAxiosTransport } from './transport.ts';

/** Sync asked of a workstation that has no server yet. */
export function noServer(): VanthuError {
  return new VanthuError('SYNC_OFFLINE', errorMessageVi('SYNC_OFFLINE', 'Chưa cấu hình địa chỉ máy chủ.'));
}

/** What an engine for the configured server is built from. */
export interface ServerEngineOptions {
  readonly serverUrl: () => string;
  readonly credentials: () => SyncCredentials | null;
  readonly store: StoreCall;
  readonly filesDir: string;
  readonly log: Logger;
  readonly events?: EventBus;
  /** Extra CA certificates (PEM) for a province's private CA; verification stays on. */
  readonly ca?: string;
  /** This installation's stable id (settings); with it, the registers of the year get number leases. */
  readonly workstationId?: () => string;
}

export interface ServerEngine {
  readonly engine: SyncEngine;
  readonly api: ApiClient;
}

/** The engine of the configured server, built on first use and again when the server changes. */
export interface ServerEngines {
  /** The engine and client for `url`. */
  build(url: string): ServerEngine;
  /** The one built last, if any: a wake or a logout must not build one. */
  built(): ServerEngine | undefined;
  /** The configured server's engine; SYNC_OFFLINE while no server is configured. */
  current(): SyncEngine;
  /** The configured server's URL; SYNC_OFFLINE while there is none. */
  configuredUrl(): string;
  /** The session the vault keeps, if it is `url`'s. */
  stored(url: string): Promise<StoredSession | null>;
  /** The account whose session is being kept (set by a login, else read back from the vault). */
  keepAccount(username: string | null): void;
}

/**
 * The engines over the configured server, the store worker's outbox and the profile's files; the
 * client's session is kept in the vault under the server it belongs to.
 */
export function createServerEngines(
  options: ServerEngineOptions,
  clock: SyncClock,
  vault: SessionVault,
): ServerEngines {
  let engine: (ServerEngine & { url: string }) | undefined;
  let username: string | null = null;

  const stored = async (url: string): Promise<StoredSession | null> => {
    const kept = await vault.load();
    return kept !== null && kept.serverUrl === url ? kept : null;
  };

  const build = (url: string): ServerEngine => {
    if (engine?.url !== url) {
      const transport = createAxiosTransport({ baseUrl: url, ...(options.ca === undefined ? {} : { ca: options.ca }) });
      const api = new ApiClient(transport, options.credentials, () => clock.now(), {
        storedRefreshToken: async () => (await stored(url))?.refreshToken ?? null,
        onSession: async (session) => {
          if (session === null) {
            await vault.clear();
            return;
          }
          const account = username ?? (await stored(url))?.username ?? '';
          await vault.save({
            serverUrl: url,
            username: account,
            maDinhDanh: session.maDinhDanh,
            refreshToken: session.refreshToken,
          });
        },
      });
      const sinks = storeSinks(options.store);
      engine = {
        url,
        api,
        engine: new SyncEngine({
          api,
          outbox: storeOutbox(options.store),
          files: {
            pathOf: (sha256) => attachmentPath(options.filesDir, sha256),
            open: (sha256) => openAttachment(options.filesDir, sha256),
          },
          inbox: { sink: sinks.inbox, files: createAttachmentFileSink(options.filesDir) },
          directory: sinks.directory,
          calendar: storeCalendar(options.store, () => clock.now()),
          receipts: sinks.receipts,
          registers: sinks.registers,
          registrations: storeRegistrations(options.store),
          ...(options.workstationId === undefined
            ? {}
            : { leases: storeLeases(options.store, options.workstationId(), () => clock.now()) }),
          clock,
          log: options.log,
          onStatus: (status) => options.events?.emit('sync.changed', status),
          onProgress: (progress) => options.events?.emit('sync.progress', progress),
          onResult: finalizeProvisional(
            (documentId, soDen) => options.store('incoming.finalizeProvisional', documentId, soDen),
            options.log,
          ),
        }),
      };
    }
    return engine;
  };

  const configuredUrl = (): string => {
    const url = options.serverUrl();
    if (url === '') {
      throw noServer();
    }
    return url;
  };

  return {
    build,
    built: () => engine,
    current: () => build(configuredUrl()).engine,
    configuredUrl,
    stored,
    keepAccount: (account) => {
      username = account;
    },
  };
}
