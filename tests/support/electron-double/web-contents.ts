import { EventEmitter } from 'node:events';
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { electronEvent } from './timeline.ts';

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

/** The part of a window's session the shell hardens: both permission handlers. */
export class SessionDouble implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  requestHandler: PermissionRequestHandler = null;
  checkHandler: PermissionCheckHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }

  /** What a page asking for `permission` would get; Chromium grants by default when no handler is set. */
  async request(contents: WebContents, permission: 'notifications' | 'media' | 'geolocation'): Promise<boolean> {
    const handler = this.requestHandler;
    if (handler === null) {
      return true;
    }
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: '', isMainFrame: true }));
  }
}

/** Where `webContents.send` delivers: the renderer side of this window, once its page has loaded. */
export interface RendererEnd {
  deliver(channel: string, args: unknown[]): void;
}

let nextId = 1;

/**
 * A window's web contents: `send` to the renderer (serialised, as IPC is), the window-open
 * handler, navigation events a page would raise, and the session's permission handlers.
 */
export class WebContentsDouble
  extends EventEmitter
  implements Pick<WebContents, 'send' | 'isDestroyed' | 'setWindowOpenHandler' | 'id'>
{
  readonly id = nextId++;
  readonly session = new SessionDouble();
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  renderer: RendererEnd | undefined;
  #openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  #destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) {
      throw new Error('Object has been destroyed');
    }
    // IPC serialises with the structured clone algorithm: functions and class identity never cross.
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    this.renderer?.deliver(channel, cloned);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
    this.emit('destroyed');
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.#openHandler = handler;
  }

  /** A page calling `window.open(url)`: what the handler decides (Electron allows when none is set). */
  windowOpen(url: string): WindowOpenHandlerResponse {
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    };
    return this.#openHandler?.(details) ?? { action: 'allow' };
  }

  /** A page navigating itself to `url` (a link, location.href): true when the shell let it go. */
  navigate(url: string): boolean {
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true });
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}
