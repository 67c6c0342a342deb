import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type VanthuApi } from './contract/api.ts';
import { eventSchemas, type EventName } from './contract/events.ts';

/*
 * Builds window.vanthu from the contract. Nothing else: no Node objects cross the bridge,
 * only a function to invoke a channel and a function to subscribe to an event.
 */
const api: VanthuApi = {
  shell: 'electron',
  invoke: (channel, request) => ipcRenderer.invoke(IPC_INVOKE, channel, request),
  on(event, listener) {
    const wrapped = (_e: unknown, name: EventName, payload: unknown): void => {
      if (name !== event) {
        return;
      }
      const parsed = eventSchemas[event].safeParse(payload);
      if (parsed.success) {
        listener(parsed.data as never);
      }
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('vanthu', api);
