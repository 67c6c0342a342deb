import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one place a BrowserWindow's options are decided. Every security-relevant switch is
 * stated explicitly (not left to Electron's defaults, which changed between versions).
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Văn thư số',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env['VANTHU_DEVTOOLS'] === '1',
    },
  };
}
