import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/switchboard.cjs');

/** Builds the bundle first if the sources changed, so its build output never lands in a test's stderr. */
export function ensureBuilt(): void {
  const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../scripts/ensure-built.cjs')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the app did not build:\n${run.stderr}`);
}
