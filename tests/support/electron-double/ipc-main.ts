import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Timeline } from './timeline.ts';
import type { WebContentsDouble } from './web-contents.ts';

type InvokeListener = Parameters<IpcMain['handle']>[1];

/** The frame a message came from: its URL and whether it is the top frame (parent null). */
export interface FrameDouble {
  readonly url: string;
  readonly parent: FrameDouble | null;
}

/**
 * `ipcMain`: one handler per channel (a second `handle` throws, as Electron's does); `invoke`
 * answers the way Electron does for a channel nobody handles, and serialises both ways.
 */
export class IpcMainDouble extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly #handlers = new Map<string, InvokeListener>();
  readonly #timeline: Timeline;

  constructor(timeline: Timeline) {
    super();
    this.#timeline = timeline;
  }

  handle(channel: string, listener: InvokeListener): void {
    if (this.#handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.#handlers.set(channel, listener);
    this.#timeline.record('ipcMain.handle', channel);
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  handledChannels(): string[] {
    return [...this.#handlers.keys()];
  }

  /** `ipcRenderer.invoke(channel, ...args)` arriving from `frame` of `sender`. */
  async invoke(sender: WebContentsDouble, frame: FrameDouble, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel);
    if (handler === undefined) {
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    }
    // Only what the shell reads is real; the rest of the event is Electron's, not the double's.
    const event = {
      sender,
      senderFrame: frame as unknown as WebFrameMain,
      frameId: 1,
      processId: 1,
    } as unknown as IpcMainInvokeEvent;
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}
