import type { RequestOf, ResponseOf } from './channels.ts';
import type { RendererChannelName } from './host-only.ts';
import type { EventName, EventPayload } from './events.ts';
import type { Result } from './result.ts';

/** The shape of `window.vanthu`, identical in the Electron preload and the browser shell. */
export interface VanthuApi {
  invoke<C extends RendererChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly shell: 'electron' | 'browser';
}

/** The single Electron IPC channel names; one invoke channel carries every request. */
export const IPC_INVOKE = 'vanthu:invoke';
export const IPC_EVENT = 'vanthu:event';
