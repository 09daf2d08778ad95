// The IPC door: one invoke channel per operation, each checking that the caller is the console's
// own main frame before the service validates the arguments. Events go out on one channel.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { OPERATION_NAMES } from '../api/contract';
import { settle } from '../api/outcome';
import type { Service } from '../api/service';
import { isAppUrl } from '../security/urls';
import { EVENT_CHANNEL, operationChannel } from './channels';

function fromConsole(event: IpcMainInvokeEvent, appEntryUrl: string): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url, appEntryUrl);
}

export function registerIpc(service: Service, appEntryUrl: string): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), (event, ...args: unknown[]) => {
      if (!fromConsole(event, appEntryUrl)) {
        return { ok: false, error: { code: 'invalid-input', stage: 'ipc', message: 'ipc: refused a call from a page that is not the console' } };
      }
      if (args.length > 1) {
        return { ok: false, error: { code: 'invalid-input', stage: 'ipc', message: `ipc: ${name} takes one argument object` } };
      }
      return settle(() => service.call(name, args[0]));
    });
  }
}

export function forwardEvents(service: Service, window: BrowserWindow): () => void {
  return service.events.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
}
