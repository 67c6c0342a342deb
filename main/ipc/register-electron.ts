import type { IpcMain, WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE, errorMessageVi, fail } from '../../preload/contract/index.ts';
import type { Services } from './services.ts';
import { dispatch, type HandlerTable } from './dispatch.ts';
import { isTrustedSender } from './sender.ts';

/** The only user of ipcMain: one invoke channel, sender check first, then the shared dispatch. */
export function registerElectronIpc(ipcMain: IpcMain, table: HandlerTable, services: Services): void {
  ipcMain.handle(IPC_INVOKE, async (event, channelName: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame) || typeof channelName !== 'string') {
      services.log.warn('ipc.sender_refused', { url: event.senderFrame?.url ?? null });
      return fail({ code: 'IPC_FORBIDDEN', message: errorMessageVi('IPC_FORBIDDEN'), retryable: false });
    }
    return dispatch(table, channelName, payload, { shell: 'electron' }, services.log);
  });
}

/** Forward the event bus to one window; returns the unsubscribe function. */
export function forwardEvents(services: Services, contents: Pick<WebContents, 'isDestroyed' | 'send'>): () => void {
  return services.events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) {
      contents.send(IPC_EVENT, event, payload);
    }
  });
}
