import { isAppUrl } from '../../platform/app-origin.ts';

/** The subset of Electron's WebContents/Session we harden; typed structurally so tests can pass fakes. */
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  session: {
    setPermissionRequestHandler(
      handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ): void;
    setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  };
}

/**
 * Deny new windows, navigation away from the app, webviews and every permission request
 * (camera, notifications, geolocation …): the app needs none of them.
 */
export function hardenContents(contents: HardenableContents, openExternal?: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (openExternal !== undefined && /^https:\/\//.test(url)) {
      openExternal(url);
    }
    return { action: 'deny' };
  });
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) {
      event.preventDefault();
    }
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
