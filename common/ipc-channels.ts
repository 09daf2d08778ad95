// IPC channel names, shared by the IPC door and the preload. No electron import: the preload
// bundles this file.
export const EVENT_CHANNEL = 'switchboard:event';
/** "Open original": the main process opens http(s) links in the system browser. */
export const OPEN_EXTERNAL_CHANNEL = 'switchboard:open-external';

export function operationChannel(name: string): string {
  return `switchboard:call:${name}`;
}
/** Export: the main process asks where to save (native dialog) and writes the file atomically. */
export const SAVE_FILE_CHANNEL = 'switchboard:save-file';
