// IPC channel names, shared by the IPC door and the preload. No electron import: the preload
// bundles this file.
export const EVENT_CHANNEL = 'switchboard:event';

export function operationChannel(name: string): string {
  return `switchboard:call:${name}`;
}
