import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { AppDouble } from './app.ts';
import type { IpcMainDouble } from './ipc-main.ts';
import type { ProtocolDouble } from './protocol.ts';
import { runPreload, type PageDouble } from './renderer.ts';
import { electronEvent, type Timeline } from './timeline.ts';
import { WebContentsDouble } from './web-contents.ts';

/** What a loaded page answered: the status, headers and body the protocol handler returned. */
export interface LoadedPage {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly page: PageDouble;
}

interface WindowWorld {
  readonly app: AppDouble;
  readonly timeline: Timeline;
  readonly protocol: ProtocolDouble;
  readonly ipcMain: IpcMainDouble;
  readonly windows: BrowserWindowDouble[];
}

type UsedWindow = Pick<
  BrowserWindow,
  'loadURL' | 'show' | 'focus' | 'restore' | 'isMinimized' | 'isVisible' | 'close' | 'destroy' | 'isDestroyed'
>;

/** Instances of the class `browserWindowClass` returns; the shell only ever sees the class. */
export interface BrowserWindowDouble extends UsedWindow, NodeJS.EventEmitter {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: WebContentsDouble;
  readonly loaded: LoadedPage | undefined;
  readonly focusCount: number;
  requestClose(): boolean;
  minimize(): void;
}

/**
 * `BrowserWindow`, bound to one double: it refuses to exist before `ready`, announces its web
 * contents through `web-contents-created`, and loads a URL by asking the protocol handler and
 * running the preload (sandboxed) against the double's IPC.
 */
export function browserWindowClass(
  world: WindowWorld,
): new (options?: BrowserWindowConstructorOptions) => BrowserWindowDouble {
  return class extends EventEmitter implements BrowserWindowDouble {
    readonly options: BrowserWindowConstructorOptions;
    readonly webContents = new WebContentsDouble();
    loaded: LoadedPage | undefined;
    focusCount = 0;
    #visible = false;
    #minimized = false;
    #destroyed = false;

    constructor(options: BrowserWindowConstructorOptions = {}) {
      super();
      if (!world.app.isReady()) {
        throw new Error('Cannot create BrowserWindow before app is ready');
      }
      this.options = options;
      world.windows.push(this);
      world.timeline.record('BrowserWindow created', options);
      world.app.emit('web-contents-created', electronEvent({}), this.webContents as unknown as WebContents);
      world.app.emit('browser-window-created', electronEvent({}), this);
    }

    async loadURL(url: string): Promise<void> {
      world.timeline.record('window.loadURL', url);
      const response = await world.protocol.serve(url);
      const body = await response.text();
      if (response.status >= 400) {
        throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE (-379) loading '${url}'`);
      }
      const preload = this.options.webPreferences?.preload;
      const page =
        preload === undefined
          ? { url, mainWorld: {}, required: [] }
          : runPreload(preload, url, world.ipcMain, this.webContents);
      this.loaded = { url, status: response.status, headers: response.headers, body, page };
      world.timeline.record('page loaded', url);
      this.webContents.emit('dom-ready', electronEvent({}));
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show', electronEvent({}));
    }

    show(): void {
      this.#visible = true;
      this.#minimized = false;
    }

    focus(): void {
      this.focusCount += 1;
    }

    restore(): void {
      this.#minimized = false;
    }

    minimize(): void {
      this.#minimized = true;
    }

    isMinimized(): boolean {
      return this.#minimized;
    }

    isVisible(): boolean {
      return this.#visible;
    }

    /** The user (or app.quit) asking the window to close: `close` is preventable, then `closed`. */
    requestClose(): boolean {
      const event = electronEvent({});
      this.emit('close', event);
      if (event.defaultPrevented) {
        return false;
      }
      this.destroy();
      return true;
    }

    close(): void {
      if (!this.requestClose()) {
        return;
      }
      // A window closed outside a quit: the last one gone raises window-all-closed.
      if (world.app.exitCode() === undefined && world.windows.every((w) => w.isDestroyed())) {
        world.app.emit('window-all-closed');
      }
    }

    destroy(): void {
      if (this.#destroyed) {
        return;
      }
      this.#destroyed = true;
      this.webContents.destroy();
      this.emit('closed');
    }

    isDestroyed(): boolean {
      return this.#destroyed;
    }
  };
}
