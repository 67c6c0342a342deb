import type { AppInfo } from '../../preload/contract/index.ts';
import type { EventBus } from '../services/events/event-bus.ts';
import type { FileIntake } from '../services/files/file-intake.ts';
import type { FileChooser } from '../platform/file-chooser.ts';
import type { Notifier } from '../services/notices/notifier.ts';
import type { SaveChooser } from '../platform/save-chooser.ts';
import type { Logger } from '../services/log/logger.ts';
import type { LockService } from '../services/lock/lock-service.ts';
import type { LayoutService } from '../services/pdf/layout/layout-service.ts';
import type { VerifyService } from '../services/pdf/verify/verify-service.ts';
import type { ArrivalChecker } from '../services/incoming/arrival-checker.ts';
import type { SettingsStore } from '../services/settings/settings-store.ts';
import type { SigningService } from '../services/signing/signing-service.ts';
import type { StoreService } from '../services/store/store-service.ts';
import type { SyncService } from '../services/sync/sync-service.ts';
import type { HintsService } from '../services/hints/hints-service.ts';
import type { MetadataService } from '../services/metadata/metadata-service.ts';
import type { OcrService } from '../services/ocr/ocr-service.ts';
import type { TheThucService } from '../services/the-thuc/the-thuc-service.ts';
import type { TokenService } from '../services/tokens/token-service.ts';
import type { IssuingService } from '../services/workflow/issuing-service.ts';
import type { Office } from '../services/office/compose-office.ts';
import type { ProfilePaths } from '../services/disk/profile-paths.ts';

/** Everything the IPC handlers may call, built by hand in `compose.ts`. */
export interface Services {
  readonly shell: AppInfo['shell'];
  readonly profile: ProfilePaths;
  readonly log: Logger;
  readonly settings: SettingsStore;
  readonly events: EventBus;
  readonly tokens: TokenService;
  readonly databaseStatus: () => AppInfo['database'];
  /** The local SQLite store (documents, registers, outbox), owned by a worker thread. */
  readonly store: StoreService;
  readonly verify: VerifyService;
  /** The background check of arriving documents (verifier, signature kinds, active content, malware). */
  readonly arrivals: ArrivalChecker;
  readonly layout: LayoutService;
  /** PAdES signing of the issuing flow (prepare, sign, number, seal, appendix, copy, batch). */
  readonly signing: SigningService;
  /** Sync with the provincial server (outbox out, inbox in, number leases). */
  readonly sync: SyncService;
  /** Chosen files by handle, kept in the content store (the renderer never names a path). */
  readonly files: FileIntake;
  /** The native open-file dialog where the shell has one (Electron). */
  readonly chooser: FileChooser;
  /** Desktop notifications where the shell has them (Electron); silent elsewhere. */
  readonly notifier: Notifier;
  /** The native save dialog where the shell has one (Electron); otherwise the page downloads. */
  readonly saver: SaveChooser;
  /** The journey of an outgoing document: draft → ký duyệt → cấp số → đóng dấu → phát hành. */
  readonly issuing: IssuingService;
  /** The office across workstations: who is signed in, their steps and their long-polled inbox (#16). */
  readonly office: Office;
  /** What time it is for due times, counts and backups (tests give a fixed one). */
  readonly clock: () => Date;
  /** Thể thức check of a stored draft against NĐ 30 Phụ lục I (warnings only). */
  readonly theThuc: TheThucService;
  /** Fields an incoming PDF prints about itself, read from its text layer, with confidences. */
  readonly metadata: MetadataService;
  readonly ocr: OcrService;
  /** Summary, deadlines and chủ trì suggestions of incoming documents (#21). */
  readonly hints: HintsService;
  /** The idle lock (issue #19): locks after `settings.lock.idleMinutes`, unlocks with the sign-in password. */
  readonly lock: LockService;
}
