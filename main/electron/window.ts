import path from 'node:path';
import { BrowserWindow } from 'electron';

export function createConsoleWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    title: 'Switchboard',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/** The renderer entry: the dev server in `electron-vite dev`, the built file otherwise. */
export function appEntryUrl(outMainDir: string): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) return devServer;
  return new URL(`file://${path.join(outMainDir, '..', 'renderer', 'index.html')}`).href;
}
