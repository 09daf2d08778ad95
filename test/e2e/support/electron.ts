import path from 'node:path';
import { inspectElectron } from '../../../main/platform/electron-binary';
import { chooseNativeBinding, defaultNativeLocations } from '../../../db/native';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The Electron binary to launch, or the reason the Electron project cannot run on this machine. */
export function electronAvailability(): { binary: string } | { reason: string } {
  const electron = inspectElectron(path.join(PROJECT_ROOT, 'node_modules', 'electron'));
  if (!electron?.binary) return { reason: "Electron's binary is not installed here (node_modules/electron/dist is missing)" };
  if (electron.abi === null) return { reason: "Electron's ABI is unknown (node_modules/electron/abi_version is missing)" };
  const native = chooseNativeBinding(electron.abi, defaultNativeLocations());
  if (!native.ok) return { reason: `better-sqlite3 has no binary for Electron's ABI ${electron.abi}; run npm start once to fetch it` };
  return { binary: electron.binary };
}
