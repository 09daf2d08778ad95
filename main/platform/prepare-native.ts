// Run after `npm install` (scripts/prepare.cjs): puts the Node build of better-sqlite3 in its
// side-by-side slot, and the Electron build too when Electron's binary is already here.
// Never fails the install: what cannot be done is said in one line.
import path from 'node:path';
import { defaultNativeLocations, sideBySidePath } from '../../db/native';
import { inspectElectron } from './electron-binary';
import { ensureElectronBinding, installVerifiedBinary } from './native-install';

export function prepareNative(projectRoot: string, log: (line: string) => void): void {
  const where = defaultNativeLocations();
  const nodeAbi = Number(process.versions.modules);
  const node = installVerifiedBinary(where.packageBinary, sideBySidePath(where.sideBySideDir, nodeAbi), nodeAbi);
  if (!node.ok) log(`switchboard: better-sqlite3 for Node (ABI ${nodeAbi}): ${node.reason}`);

  const electron = inspectElectron(path.join(projectRoot, 'node_modules', 'electron'));
  if (!electron?.binary || electron.abi === null) {
    log("switchboard: Electron's binary is not downloaded yet; its database module will be fetched the first time `npm start` opens the window.");
    return;
  }
  const result = ensureElectronBinding(electron.version, electron.abi);
  if (!result.ok) log(`switchboard: better-sqlite3 for Electron ${electron.version} (ABI ${electron.abi}): ${result.reason}; npm start will use browser mode.`);
}
