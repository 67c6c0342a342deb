import { join } from 'node:path';
import { createEventBus, type EventBus } from '../services/events/event-bus.ts';
import { createFileIntake } from '../services/files/file-intake.ts';
import type { Logger } from '../services/log/logger.ts';
import { createArrivalChecker } from '../services/incoming/arrival-checker.ts';
import { createInspectWorker } from '../services/incoming/inspect-worker-client.ts';
import { findMalwareScanner } from '../services/incoming/malware/find-scanner.ts';
import type { StoreCall } from '../services/store/store-client.ts';
import { createLayoutService } from '../services/pdf/layout/layout-service.ts';
import { createPopplerRenderer } from '../services/pdf/layout/page-renderer.ts';
import { openConfSettings } from '../services/settings/conf-settings.ts';
import type { SettingsStore } from '../services/settings/settings-store.ts';
import { createSigningService } from '../services/signing/signing-service.ts';
import { readDatabaseStatus } from '../services/store/status.ts';
import { createStoreService } from '../services/store/store-service.ts';
import { useFilesKey } from '../services/cipher/files-key.ts';
import type { SyncCredentials } from '../services/sync/ports.ts';
import type { SessionVault } from '../services/sync/session-vault.ts';
import { createSyncService } from '../services/sync/sync-service.ts';
import { ensureWorkstationId } from '../services/sync/workstation-id.ts';
import { createTokenService } from '../services/tokens/token-service.ts';
import { createIssuingService } from '../services/workflow/issuing-service.ts';
import { createChainWorker } from '../services/workflow/chain-worker-client.ts';
import { createHintsService } from '../services/hints/hints-service.ts';
import { createMetadataService } from '../services/metadata/metadata-service.ts';
import { createOcrService } from '../services/ocr/ocr-service.ts';
import { createTheThucService } from '../services/the-thuc/the-thuc-service.ts';
import { noNativeChooser, type FileChooser } from '../platform/file-chooser.ts';
import type { Notifier } from '../services/notices/notifier.ts';
import { pageNotifier } from '../platform/page-notifier.ts';
import { composeOffice } from '../services/office/compose-office.ts';
import { noNativeSave, type SaveChooser } from '../platform/save-chooser.ts';
import { withOfficeSteps } from '../services/office/office-issuing.ts';
import { createLockService, type IdleSeconds } from '../services/lock/lock-service.ts';
import { peopleUnlockCheck } from '../services/people/unlock-check.ts';
import { composeBase } from './compose-base.ts';
import { composeVerify } from './compose-verify.ts';
import type { Services } from '../ipc/services.ts';
import { clearPrivateScratch } from '../services/disk/private-scratch.ts';

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
  /** The key of an encrypted profile, unlocked by the shell first (`vault/profile-start.ts`). */
  readonly profileKey?: Buffer;
  /**
   * Desktop notifications: Electron's, built on the event bus composition creates (so a click
   * can tell the renderer which document to open); elsewhere notices go to the page as events.
   */
  readonly notifier?: (events: EventBus) => Notifier;
  /** Electron's save dialog; elsewhere the page downloads what main produced. */
  readonly saveChooser?: SaveChooser;
  /** The wall clock unless a test fixes it. */
  readonly clock?: () => Date;
  /** Least time between a signing batch's progress events (100 ms); a test asks 0, one per document. */
  readonly progressIntervalMs?: number;
  /** Electron's system idle time (`platform/electron-idle.ts`); elsewhere the page's last call counts. */
  readonly idleSeconds?: IdleSeconds;
}

/**
 * The composition root: constructs every service in order, by hand, no container.
 * Order: logging → settings → store+migrations → tokens → signing → outbox → sync.
 */
export function composeServices(options: ComposeOptions): Services {
  const base = composeBase({ ...options, settings: options.settings ?? openConfSettings(options.profileDir) });
  const { profile, log } = base;
  // A process killed mid-operation may have left a document's plaintext in a scratch folder.
  clearPrivateScratch(profile.cache);
  // Sync is built last; until then nothing can have been queued for it.
  let wakeSync = (): void => undefined;
  let drainSync = (): void => undefined;
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
  // Files this thread stores or reads (intake, issuing) are sealed with the profile's key too.
  useFilesKey(profile.files, options.profileKey ?? null);
  // Work queued in the store is sent at once (a drain: its own requests, not a round's pulls).
  const store = createStoreService({
    profile,
    settings,
    log,
    onQueued: () => drainSync(),
    ...(options.profileKey === undefined ? {} : { key: options.profileKey }),
  });
  const verify = composeVerify(base);
  // The arrival check reads files in a worker thread of its own, so the list stays responsive.
  const inspector = createInspectWorker({
    cacheDir: profile.cache,
    evidenceDir: join(profile.files, 'verifications'),
    filesDir: profile.files,
    ...(options.profileKey === undefined ? {} : { profileKey: options.profileKey }),
    trustPaths: () => settings.get().verify.trustPaths,
    log,
  });
  const arrivals = createArrivalChecker({
    store: store.call,
    inspect: inspector.inspect,
    cancel: () => inspector.close(),
    scanner: findMalwareScanner(),
    filesDir: profile.files,
    scratchDir: join(profile.cache, 'quet'),
    log,
    onChecked: (id, verdict) => events.emit('incoming.checked', { id, verdict }),
  });
  // Every inbox page that sync applies may hold arrivals: they are checked before the clerk acts.
  const syncStore: StoreCall = (method, ...args) => {
    const answer = store.call(method, ...args);
    if (method === 'sync.applyInbox') {
      void answer.then(() => arrivals.wake());
    }
    return answer;
  };
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
    store: syncStore,
    filesDir: profile.files,
    log,
    events,
  });
  const pageRenderer = createPopplerRenderer();
  const notifier = options.notifier?.(events) ?? pageNotifier(events);
  const office = composeOffice({
    store: store.call,
    // Read when someone signs in, after composition: the sync service owns the client.
    api: () => services.sync.client(),
    filesDir: profile.files,
    notifier,
    drain: () => drainSync(),
    wake: () => wakeSync(),
    log,
  });
  const services: Services = {
    shell: options.shell,
    profile,
    log,
    settings,
    events,
    databaseStatus: () => readDatabaseStatus(profile.database, undefined, options.profileKey),
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
    saver: options.saveChooser ?? noNativeSave,
    // A record that came from an office case sends each result back as the case's next step.
    issuing: withOfficeSteps({
      issuing: createIssuingService({
        store: store.call,
        filesDir: profile.files,
        scratchDir: join(profile.cache, 'ban-hanh'),
        signing,
        // The chain's reads and checks run in a worker thread beside the signing (a batch of a hundred).
        checker: createChainWorker({
          filesDir: profile.files,
          ...(options.profileKey === undefined ? {} : { profileKey: options.profileKey }),
          log,
        }),
        intake: files,
        events,
        log,
        ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
        numbers: sync.numbers,
        pageRenderer,
      }),
      office: office.office,
      caseOf: (documentId) => store.call('office.caseOfOutgoing', documentId),
      log,
    }),
    theThuc: createTheThucService({ store: store.call, filesDir: profile.files, pageRenderer }),
    metadata: createMetadataService({ files, filesDir: profile.files }),
    ocr: createOcrService({ files, filesDir: profile.files, store: store.call, events }),
    hints: createHintsService({
      store: store.call,
      filesDir: profile.files,
      clock: options.clock ?? (() => new Date()),
    }),
    layout: createLayoutService({ settings, log, renderer: pageRenderer }),
    verify,
    arrivals,
    office,
    clock: options.clock ?? (() => new Date()),
    lock: createLockService({
      idleMinutes: () => settings.get().lock.idleMinutes,
      ...(options.idleSeconds === undefined ? {} : { idleSeconds: options.idleSeconds }),
      unlock: peopleUnlockCheck(office.people, { localPerson: (username) => store.call('people.local', username) }),
      signedIn: () => office.people.current() !== null,
      closeTokenSessions: () => signing.closeSessions(),
      events,
      log,
    }),
  };
  wakeSync = () => services.sync.wake();
  drainSync = () => services.sync.drainNow();
  return services;
}
