// The IPC door: one invoke channel per operation; handleIpcCall checks the sender and arguments.
// Events go out on one channel.
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { writeFileAtomic } from '../platform/atomic-write';
import { OPERATION_NAMES } from '../../common/contract';
import type { Service } from '../app/service';
import { isAppUrl, isSafeExternalUrl } from '../../common/urls';
import { EVENT_CHANNEL, OPEN_EXTERNAL_CHANNEL, operationChannel, SAVE_FILE_CHANNEL } from '../../common/ipc-channels';
import { handleIpcCall } from './ipc-call';

export function registerIpc(service: Service, appEntryUrl: string): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      const sender = { frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame };
      return handleIpcCall(service, appEntryUrl, name, sender, args);
    });
  }
  const fromConsole = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent) =>
    !!event.senderFrame && event.senderFrame === event.sender.mainFrame && isAppUrl(event.senderFrame.url, appEntryUrl);
  ipcMain.on(OPEN_EXTERNAL_CHANNEL, (event, url: unknown) => {
    if (fromConsole(event) && typeof url === 'string' && isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, name: unknown, content: unknown) => {
    if (!fromConsole(event) || typeof name !== 'string' || typeof content !== 'string') return false;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: path.basename(name) };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return false;
    writeFileAtomic(choice.filePath, content);
    return true;
  });
}

export function forwardEvents(service: Service, window: BrowserWindow): () => void {
  return service.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
