// The console's only bridge to the main process: one named method per service operation (built
// from the contract's names, never the raw ipcRenderer) plus an event subscription.
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../common/contract';
import type { SwitchboardEvent } from '../common/events';
import type { CallOutcome } from '../common/outcome';
import { EVENT_CHANNEL, OPEN_EXTERNAL_CHANNEL, operationChannel, SAVE_FILE_CHANNEL } from '../common/ipc-channels';

const operations = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (input?: unknown): Promise<CallOutcome> => ipcRenderer.invoke(operationChannel(name), input)]),
);

contextBridge.exposeInMainWorld('switchboard', {
  operations,
  onEvent(listener: (event: SwitchboardEvent) => void): () => void {
    const forward = (_event: unknown, event: SwitchboardEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
  openExternal(url: string): void {
    ipcRenderer.send(OPEN_EXTERNAL_CHANNEL, String(url));
  },
  saveFile(name: string, content: string): Promise<boolean> {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, String(name), String(content));
  },
});
