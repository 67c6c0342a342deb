import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  Dialog,
  MessageBoxOptions,
  MessageBoxReturnValue,
  Notification,
  NotificationConstructorOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PowerMonitor,
  SafeStorage,
  Shell,
} from 'electron';
import { electronEvent, type Timeline } from './timeline.ts';

/** `dialog`: open dialogs answer what the test scripted (cancelled when nothing is scripted). */
export class DialogDouble implements Pick<Dialog, 'showOpenDialog' | 'showErrorBox' | 'showMessageBox'> {
  readonly opened: OpenDialogOptions[] = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  /** Message boxes shown (the recovery key at set-up), each answered with its first button. */
  readonly messageBoxes: MessageBoxOptions[] = [];
  readonly #answers: OpenDialogReturnValue[] = [];

  /** The next open dialog returns these paths, as if the person picked them. */
  willPick(...filePaths: string[]): void {
    this.#answers.push({ canceled: filePaths.length === 0, filePaths });
  }

  showOpenDialog(...args: [OpenDialogOptions] | [unknown, OpenDialogOptions]): Promise<OpenDialogReturnValue> {
    const options = args.length === 1 ? args[0] : args[1];
    this.opened.push(options);
    return Promise.resolve(this.#answers.shift() ?? { canceled: true, filePaths: [] });
  }

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }

  showMessageBox(...args: [MessageBoxOptions] | [unknown, MessageBoxOptions]): Promise<MessageBoxReturnValue> {
    const options = args.length === 1 ? args[0] : args[1];
    this.messageBoxes.push(options);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  }
}

/**
 * `safeStorage` with a real cipher (AES-256-GCM under a key only this double knows), so what
 * lands on disk is not the plain text. Like Electron on Windows and Linux, encryption is
 * available only once the app is ready.
 */
export class SafeStorageDouble implements Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> {
  readonly #key = randomBytes(32);
  readonly #isReady: () => boolean;
  available = true;
  encryptions = 0;

  constructor(isReady: () => boolean) {
    this.#isReady = isReady;
  }

  isEncryptionAvailable(): boolean {
    return this.available && this.#isReady();
  }

  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) {
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    }
    this.encryptions += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    if (!this.isEncryptionAvailable()) {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** `shell`: external URLs are recorded, never opened. */
export class ShellDouble implements Pick<Shell, 'openExternal'> {
  readonly opened: string[] = [];

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

/**
 * `powerMonitor`: the test raises `resume` (and `suspend`) by emitting them, and sets how long
 * the machine has been idle (`idleSeconds`, 0 unless the test says otherwise).
 */
export class PowerMonitorDouble extends EventEmitter implements Pick<PowerMonitor, 'getSystemIdleTime'> {
  idleSeconds = 0;

  getSystemIdleTime(): number {
    return this.idleSeconds;
  }

  resume(): void {
    this.emit('resume', electronEvent({}));
  }

  /** The machine going to sleep (lid closed, Start → Sleep). */
  suspend(): void {
    this.emit('suspend', electronEvent({}));
  }

  /** The OS lock screen (Win+L, Ctrl+Cmd+Q). */
  lockScreen(): void {
    this.emit('lock-screen', electronEvent({}));
  }
}

/** Instances of the `Notification` class of one double. */
export interface NotificationDouble extends Pick<Notification, 'show' | 'close'> {
  readonly options: NotificationConstructorOptions;
  readonly shown: boolean;
  on(event: 'click' | 'close' | 'show', listener: () => void): unknown;
  /** The person clicking the notification. */
  click(): void;
}

/** `Notification`, bound to one double, which keeps every instance created. */
export function notificationClass(
  timeline: Timeline,
  created: NotificationDouble[],
): { new (options?: NotificationConstructorOptions): NotificationDouble; isSupported(): boolean } {
  return class extends EventEmitter implements NotificationDouble {
    static supported = true;
    readonly options: NotificationConstructorOptions;
    shown = false;

    static isSupported(): boolean {
      return this.supported;
    }

    constructor(options: NotificationConstructorOptions = {}) {
      super();
      this.options = options;
      created.push(this);
    }

    show(): void {
      this.shown = true;
      timeline.record('notification.show', this.options.title);
      this.emit('show', electronEvent({}));
    }

    close(): void {
      this.emit('close', electronEvent({}));
    }

    click(): void {
      this.emit('click', electronEvent({}));
    }
  };
}
