import type { VanthuApi } from '../../preload/contract/index.ts';
import { createBrowserBridge } from './browser-bridge.ts';

declare global {
  interface Window {
    vanthu?: VanthuApi;
  }
}

/** The API the whole renderer talks to: Electron's preload object, or the browser bridge. */
export const vanthu: VanthuApi = window.vanthu ?? createBrowserBridge(window.location, window.sessionStorage);
