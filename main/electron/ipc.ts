// The IPC door: one invoke channel per operation; handleIpcCall checks the sender and arguments.
// Events go out on one channel.
import { ipcMain, type BrowserWindow } from 'electron';
import { OPERATION_NAMES } from '../api/contract';
import type { Service } from '../api/service';
import { EVENT_CHANNEL, operationChannel } from './channels';
import { handleIpcCall } from './ipc-call';

export function registerIpc(service: Service, appEntryUrl: string): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      const sender = { frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame };
      return handleIpcCall(service, appEntryUrl, name, sender, args);
    });
  }
}

export function forwardEvents(service: Service, window: BrowserWindow): () => void {
  return service.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
