// The Electron shell: window, security guards and the IPC door. Everything it serves lives in
// the Node-only service; this file only wires it to Electron.
import path from 'node:path';
import { app, dialog } from 'electron';
import { openService } from '../app/open-service';
import { resolveDbPath } from '../platform/paths';
import { installGuards } from './guards';
import { forwardEvents, registerIpc } from './ipc';
import { appEntryUrl } from './entry';
import { createConsoleWindow } from './window';

function dbFlag(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--db');
  return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
}

async function openConsole(): Promise<void> {
  const entry = appEntryUrl(__dirname, {
    isPackaged: app.isPackaged,
    rendererUrl: process.env.ELECTRON_RENDERER_URL,
    mode: process.env.NODE_ENV_ELECTRON_VITE,
  });
  installGuards(entry);
  let service;
  try {
    service = await openService(resolveDbPath(dbFlag(process.argv)), { readsOffThread: true });
  } catch (error) {
    dialog.showErrorBox('Switchboard cannot open its database', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  registerIpc(service, entry);
  const stopScheduler = service.startScheduler();
  const window = createConsoleWindow(path.join(__dirname, '..', 'preload', 'index.js'));
  const stopForwarding = forwardEvents(service, window);
  window.on('closed', stopForwarding);
  void window.loadURL(entry);
  app.on('window-all-closed', () => {
    stopScheduler();
    void service.close().finally(() => app.quit());
  });
}

app.enableSandbox();
// One window per user: a second launch quits at once (the running one keeps its database).
if (app.requestSingleInstanceLock()) void app.whenReady().then(openConsole);
else app.quit();
