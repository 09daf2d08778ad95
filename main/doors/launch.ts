// `switchboard start` and `switchboard serve`: which console to open, and the one line that says
// why when the desktop window cannot be had on this machine.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { startBridge } from './http';
import { openService } from '../app/open-service';
import { inspectElectron, nodeCanDownloadElectron, type ElectronInstall } from '../platform/electron-binary';
import { ensureElectronBinding } from '../platform/native-install';
import type { CliHooks } from './cli/program';
import { processIO, type CliIO } from './cli/output';

/** The bundle lives in out/main; the project (package.json, node_modules) two levels up. */
const projectRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(projectRoot, 'out', 'renderer');

async function serve(dbPath: string, port: number | undefined, io: CliIO): Promise<number> {
  const service = await openService(dbPath, { readsOffThread: true });
  const bridge = await startBridge({ service, rendererDir, port });
  const stopScheduler = service.startScheduler();
  io.out(`Switchboard console: ${bridge.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopScheduler();
  await bridge.close();
  await service.close();
  return 0;
}

/** Downloads the Electron binary if this Node can; returns why not otherwise. */
function obtainElectronBinary(electron: ElectronInstall): string | null {
  if (!nodeCanDownloadElectron()) {
    return `Electron's binary is not installed and its downloader needs Node 22.12 or later (this is Node ${process.versions.node})`;
  }
  const install = spawnSync(process.execPath, [path.join(electron.packageDir, 'install.js')], { stdio: ['ignore', 'inherit', 'inherit'] });
  return install.status === 0 ? null : "Electron's binary could not be downloaded";
}

/** Why the desktop window cannot open here, or null when it can (binary and native module in place). */
function desktopBlocker(): { reason: string } | { binary: string } {
  let electron = inspectElectron(path.join(projectRoot, 'node_modules', 'electron'));
  if (!electron) return { reason: 'Electron is not installed (run npm install)' };
  if (!electron.binary) {
    const why = obtainElectronBinary(electron);
    if (why) return { reason: why };
    electron = inspectElectron(electron.packageDir);
    if (!electron?.binary) return { reason: "Electron's binary is still missing after its download" };
  }
  if (electron.abi === null) return { reason: "Electron's ABI version is unknown, so no database module can be chosen for it" };
  const native = ensureElectronBinding(electron.version, electron.abi);
  if (!native.ok) return { reason: native.reason };
  return { binary: electron.binary };
}

async function start(dbPath: string): Promise<number> {
  const desktop = desktopBlocker();
  if ('reason' in desktop) {
    processIO.err(`switchboard: ${desktop.reason}; serving the console in browser mode instead.`);
    return serve(dbPath, undefined, processIO);
  }
  const child = spawn(desktop.binary, [projectRoot], { stdio: 'inherit', env: { ...process.env, SWITCHBOARD_DB: dbPath } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

export const launchHooks: CliHooks = { start, serve };
