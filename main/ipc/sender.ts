import { isAppUrl } from '../platform/app-origin.ts';

/** The frame that sent an IPC message, as Electron reports it. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** Only our own top-level renderer may call main; iframes and foreign pages are refused. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}
