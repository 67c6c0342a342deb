import { join } from 'node:path';
import { createEventBus, type EventBus } from '../services/events/event-bus.ts';
import { createFileIntake } from '../services/files/file-intake.ts';
import type { Logger } from '../services/log/logger.ts';
import { createLayoutService } from '../services/pdf/layout/layout-service.ts';
import { createPopplerRenderer } from '../services/pdf/layout/page-renderer.ts';
import { openConfSettings } from '../services/settings/conf-settings.ts';
import type { SettingsStore } from '../services/settings/settings-store.ts';
import { createSigningService } from '../services/signing/signing-service.ts';
import { readDatabaseStatus } from '../services/store/status.ts';
import { createStoreService } from '../services/store/store-service.ts';
import type { SyncCredentials } from '../services/sync/ports.ts';
import type { SessionVault } from '../services/sync/session-vault.ts';
import { createSyncService } from '../services/sync/sync-service.ts';
import { ensureWorkstationId } from '../services/sync/workstation-id.ts';
import { createTokenService } from '../services/tokens/token-service.ts';
import { createIssuingService } from '../services/workflow/issuing-service.ts';
import { noNativeChooser, type FileChooser } from '../platform/file-chooser.ts';
import { silentNotifier, type Notifier } from '../platform/notifier.ts';
import { composeOffice } from '../services/office/compose-office.ts';
import { withOfficeSteps } from '../services/office/office-issuing.ts';
import { composeBase } from './compose-base.ts';
import { composeVerify } from './compose-verify.ts';
import type { Services } from './services.ts';

export interface ComposeOptions {
  readonly profileDir: string;
  readonly shell: Services['shell'];
  /** electron-store in Electron; conf in Node when omitted. */
  readonly settings?: SettingsStore;
  readonly log?: Logger;
  /** The server password, asked for by the shell or the CLI; sync never stores it. */
  readonly syncCredentials?: () => SyncCredentials | null;
  /** Where the server's refresh token is kept: safeStorage in Electron, memory otherwise. */
  readonly sessionVault?: SessionVault;
  /** Electron's open dialog; the browser shell and the CLI have none (the renderer uploads). */
  readonly fileChooser?: FileChooser;
  /**
   * Desktop notifications: Electron's, built on the event bus composition creates (so a click
   * can tell the renderer which document to open); silent when omitted.
   */
  readonly notifier?: (events: EventBus) => Notifier;
}

/**
 * The composition root: constructs every service in order, by hand, no container.
 * Order: logging → settings → store+migrations → tokens → signing → outbox → sync.
 */
export function composeServices(options: ComposeOptions): Services {
  const base = composeBase({ ...options, settings: options.settings ?? openConfSettings(options.profileDir) });
  const { profile, log } = base;
  // Sync is built last; until then nothing can have been queued for it.
  let wakeSync = (): void => undefined;
  // A new server address or organization is something sync should act on at once.
  const settings: SettingsStore = {
    get: () => base.settings.get(),
    update: (patch) => {
      const updated = base.settings.update(patch);
      if (patch.server?.url !== undefined || patch.server?.autoSync !== undefined || patch.organization !== undefined) {
        wakeSync();
      }
      return updated;
    },
  };
  const events = createEventBus();
  // Work queued in the store wakes sync, so it leaves at once instead of at the next poll.
  const store = createStoreService({ profile, settings, log, onQueued: () => wakeSync() });
  const files = createFileIntake(profile.files);
  const signing = createSigningService({
    settings,
    events,
    log,
    tokens: { preflight: (request) => services.tokens.preflight(request) },
    // The verifier's cache: answers fetched for B-LT also serve later verifications, and back.
    revocationCacheDir: join(profile.cache, 'revocation'),
  });
  const sync = createSyncService({
    serverUrl: () => settings.get().server.url,
    autoSync: () => settings.get().server.autoSync,
    credentials: options.syncCredentials ?? (() => null),
    ...(options.sessionVault === undefined ? {} : { vault: options.sessionVault }),
    rememberServer: (url, username) => settings.update({ server: { url, username } }),
    workstationId: () => ensureWorkstationId(settings),
    store: store.call,
    filesDir: profile.files,
    log,
    events,
  });
  const notifier = options.notifier?.(events) ?? silentNotifier;
  const office = composeOffice({
    store: store.call,
    // Read when someone signs in, after composition: the sync service owns the client.
    api: () => services.sync.client(),
    filesDir: profile.files,
    notifier,
    wake: () => wakeSync(),
    log,
  });
  const services: Services = {
    shell: options.shell,
    profile,
    log,
    settings,
    events,
    databaseStatus: () => readDatabaseStatus(profile.database),
    store,
    sync,
    tokens: createTokenService({
      log,
      events,
      userModulePaths: () => settings.get().tokens.modulePaths,
      roleOverrides: () => settings.get().tokens.roleOverrides,
    }),
    // The token service is read when a signing request arrives, after composition.
    signing,
    files,
    chooser: options.fileChooser ?? noNativeChooser,
    notifier,
    // A record that came from an office case sends each result back as the case's next step.
    issuing: withOfficeSteps({
      issuing: createIssuingService({
        store: store.call,
        filesDir: profile.files,
        scratchDir: join(profile.cache, 'ban-hanh'),
        signing,
        intake: files,
        events,
        log,
        numbers: sync.numbers,
      }),
      office: office.office,
      caseOf: (documentId) => store.call('office.caseOfOutgoing', documentId),
      log,
    }),
    layout: createLayoutService({ settings, log, renderer: createPopplerRenderer() }),
    verify: composeVerify(base),
    office,
  };
  wakeSync = () => services.sync.wake();
  return services;
}
