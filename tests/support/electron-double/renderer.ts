import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import type { FrameDouble, IpcMainDouble } from './ipc-main.ts';
import type { RendererEnd, WebContentsDouble } from './web-contents.ts';

/** The modules a sandboxed preload may require (Electron's sandbox); anything else throws. */
export const SANDBOX_MODULES = ['electron', 'events', 'timers', 'url'] as const;

/** `ipcRenderer` of one page: `invoke` reaches the double's ipcMain; `send` from main arrives here. */
export class IpcRendererDouble extends EventEmitter implements Pick<IpcRenderer, 'invoke' | 'send'>, RendererEnd {
  readonly #main: IpcMainDouble;
  readonly #contents: WebContentsDouble;
  readonly #frame: FrameDouble;

  constructor(main: IpcMainDouble, contents: WebContentsDouble, frame: FrameDouble) {
    super();
    this.#main = main;
    this.#contents = contents;
    this.#frame = frame;
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.#main.invoke(this.#contents, this.#frame, channel, args);
  }

  /** One-way message: listeners on the double's ipcMain get it, as `ipcMain.on` listeners do. */
  send(channel: string, ...args: unknown[]): void {
    const event = { sender: this.#contents, senderFrame: this.#frame, frameId: 1, processId: 1 };
    this.#main.emit(channel, event, ...structuredClone(args));
  }

  deliver(channel: string, args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as IpcRendererEvent;
    this.emit(channel, event, ...args);
  }
}

/**
 * Copies a value from the isolated world to the page, as contextBridge does: plain data is
 * copied, functions become proxies whose arguments and results are copied too, promises are
 * followed; prototypes (Node objects, class instances) do not survive.
 */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => acrossBridge(fn(...args.map(acrossBridge)));
  }
  if (
    value instanceof Promise ||
    (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function')
  ) {
    return (value as Promise<unknown>).then(acrossBridge);
  }
  if (Array.isArray(value)) {
    return value.map(acrossBridge);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, acrossBridge(inner)]));
  }
  return value;
}

/** `contextBridge`: what the preload exposes lands, copied, on the page's `window`. */
export class ContextBridgeDouble implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly mainWorld: Record<string, unknown> = {};

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (apiKey in this.mainWorld) {
      throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    }
    this.mainWorld[apiKey] = acrossBridge(api);
  }
}

/** A page whose preload ran: what it exposed, what it required, and its IPC ends. */
export interface PageDouble {
  readonly url: string;
  readonly mainWorld: Record<string, unknown>;
  readonly required: readonly string[];
  /** Absent for a page loaded without a preload: nothing in it can reach main. */
  readonly ipcRenderer?: IpcRendererDouble;
}

/**
 * Runs a preload bundle the way a sandboxed renderer does: in its own context, with no Node
 * globals, and a `require` that knows only the sandbox's modules.
 */
export function runPreload(
  preloadPath: string,
  url: string,
  main: IpcMainDouble,
  contents: WebContentsDouble,
): PageDouble {
  const frame: FrameDouble = { url, parent: null };
  const ipcRenderer = new IpcRendererDouble(main, contents, frame);
  const contextBridge = new ContextBridgeDouble();
  const required: string[] = [];
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    switch (id) {
      case 'electron':
        return { contextBridge, ipcRenderer };
      case 'events':
        return { EventEmitter, default: EventEmitter };
      case 'timers':
        return { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate };
      case 'url':
        return { URL, URLSearchParams };
      default:
        throw new Error(`module not found: ${id}`);
    }
  };
  const module = { exports: {} as unknown };
  const context = createContext({ console, setTimeout, clearTimeout, queueMicrotask, TextEncoder, TextDecoder, URL });
  const wrapper = runInContext(
    `(function (exports, require, module) {${readFileSync(preloadPath, 'utf8')}\n})`,
    context,
    {
      filename: preloadPath,
    },
  ) as (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }) => void;
  wrapper(module.exports, sandboxRequire, module);
  contents.renderer = ipcRenderer;
  return { url, mainWorld: contextBridge.mainWorld, required, ipcRenderer };
}
