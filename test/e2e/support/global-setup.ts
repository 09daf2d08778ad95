import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromiumPath } from './chromium';
import { electronAvailability, PROJECT_ROOT } from './electron';

export default function globalSetup(): void {
  if (!chromiumPath()) throw new Error('e2e: no Chromium found; install Debian\'s chromium (apt-get install -y chromium) or set CHROMIUM_PATH');
  const electron = electronAvailability();
  if ('reason' in electron) console.log(`e2e: the electron project's tests will be skipped: ${electron.reason}.`);
  // The specs drive the built console; build it once here rather than racing in each worker.
  const built = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'ensure-built.cjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('e2e: the app did not build');
}
