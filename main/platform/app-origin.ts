/**
 * The renderer's origin inside Electron (a privileged, standard custom scheme). It lives below
 * the composition root because both the window hardening (main/app) and the IPC sender check
 * (main/ipc) ask "is this our page?", and handlers never import the root.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vanthu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True when a URL belongs to our own renderer (the only place a window may show). */
export function isAppUrl(url: string): boolean {
  try {
    // Compare scheme and host: WHATWG URL gives custom schemes an opaque ("null") origin.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
