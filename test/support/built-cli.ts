import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/switchboard.cjs');

/** Builds the bundle first if the sources changed, so its build output never lands in a test's stderr. */
export function ensureBuilt(): void {
  const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../scripts/ensure-built.cjs')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the app did not build:\n${run.stderr}`);
}

/** Runs the built `switchboard` on the database `db` as a user would, and waits for it; SWITCHBOARD_DB cannot interfere. */
export function runCli(db: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_DB: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
