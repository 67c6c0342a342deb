import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { electronEvent, type Timeline } from './timeline.ts';

/** What the shell (and electron-store inside it) calls on `app`; typed by Electron's own .d.ts. */
type UsedApp = Pick<App, 'whenReady' | 'isReady' | 'quit' | 'exit' | 'getPath' | 'getVersion'>;

/** A window as `app.quit()` sees it: asked to close, and gone once closed. */
export interface ClosableWindow {
  requestClose(): boolean;
  isDestroyed(): boolean;
  destroy(): void;
}

/**
 * `app` with Electron's documented life cycle: `ready` is emitted, then `whenReady()` resolves;
 * `quit()` emits `before-quit` (preventable), closes every window (each preventable), then
 * `will-quit` (preventable) and `quit`; `window-all-closed` is not emitted during a quit; `exit()`
 * closes windows without asking and emits none of the quit events.
 */
export class AppDouble extends EventEmitter implements UsedApp {
  readonly #timeline: Timeline;
  readonly #windows: () => readonly ClosableWindow[];
  readonly #userData: string;
  #ready = false;
  #resolveReady: () => void = () => undefined;
  readonly #readyPromise: Promise<void>;
  #exited: { code: number } | undefined;
  #resolveExited: (code: number) => void = () => undefined;
  readonly exited: Promise<number>;

  constructor(timeline: Timeline, windows: () => readonly ClosableWindow[], userData: string) {
    super();
    this.#timeline = timeline;
    this.#windows = windows;
    this.#userData = userData;
    this.#readyPromise = new Promise((resolve) => (this.#resolveReady = resolve));
    this.exited = new Promise((resolve) => (this.#resolveExited = resolve));
  }

  /** Electron finished initialising: `will-finish-launching`, `ready`, then `whenReady()` resolves. */
  emitReady(): void {
    if (this.#ready) {
      throw new Error('the double emits ready once, as Electron does');
    }
    this.emit('will-finish-launching');
    this.#ready = true;
    this.#timeline.record('app.ready');
    this.emit('ready', electronEvent({}), {});
    this.#resolveReady();
  }

  whenReady(): Promise<void> {
    return this.#readyPromise.then(() => this.#timeline.record('app.whenReady resolved'));
  }

  isReady(): boolean {
    return this.#ready;
  }

  /** The exit code once the app has terminated (quit or exit); undefined while it runs. */
  exitCode(): number | undefined {
    return this.#exited?.code;
  }

  quit(): void {
    if (this.#exited !== undefined) {
      return;
    }
    this.#timeline.record('app.quit called');
    const beforeQuit = electronEvent({});
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) {
      this.#timeline.record('before-quit prevented');
      return;
    }
    // Windows close on a later turn of the loop, as Electron's do.
    setImmediate(() => {
      for (const window of this.#windows()) {
        if (!window.isDestroyed() && !window.requestClose()) {
          this.#timeline.record('quit cancelled by a window');
          return;
        }
      }
      const willQuit = electronEvent({});
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        this.#timeline.record('will-quit prevented');
        return;
      }
      this.#terminate(0, true);
    });
  }

  exit(exitCode = 0): void {
    if (this.#exited !== undefined) {
      return;
    }
    for (const window of this.#windows()) {
      window.destroy();
    }
    this.#terminate(exitCode, false);
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    if (name !== 'userData') {
      throw new Error(`the double knows only userData, not ${name}`);
    }
    return this.#userData;
  }

  getVersion(): string {
    return '0.0.0-double';
  }

  #terminate(code: number, emitQuit: boolean): void {
    this.#exited = { code };
    if (emitQuit) {
      this.emit('quit', electronEvent({}), code);
    }
    this.#timeline.record('app.exited', { code });
    this.#resolveExited(code);
  }
}
