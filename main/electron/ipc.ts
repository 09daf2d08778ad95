// The IPC door: one invoke channel per operation; handleIpcCall checks the sender and arguments.
// Events go out on one channel.
import { ipcMain, shell, type BrowserWindow } from 'electron';
import { OPERATION_NAMES } from '../api/contract';
import type { Service } from '../api/service';
import { isAppUrl, isSafeExternalUrl } from '../security/urls';
import { EVENT_CHANNEL, OPEN_EXTERNAL_CHANNEL, operationChannel } from './channels';
import { handleIpcCall } from './ipc-call';

export function registerIpc(service: Service, appEntryUrl: string): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      const sender = { frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame };
      return handleIpcCall(service, appEntryUrl, name, sender, args);
    });
  }
  ipcMain.on(OPEN_EXTERNAL_CHANNEL, (event, url: unknown) => {
    const frame = event.senderFrame;
    const fromConsole = !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url, appEntryUrl);
    if (fromConsole && typeof url === 'string' && isSafeExternalUrl(url)) void shell.openExternal(url);
  });
}

export function forwardEvents(service: Service, window: BrowserWindow): () => void {
  return service.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
