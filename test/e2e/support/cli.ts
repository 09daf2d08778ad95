// The `switchboard` command on a spec's database, as a terminal beside the console runs it: the
// built bin, resolving with what it printed, rejecting when it exits with an error.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './electron';

const run = promisify(execFile);

export function switchboardOn(dbPath: string): (...args: string[]) => Promise<{ stdout: string; stderr: string }> {
  return (...args) => run(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, ...args]);
}
