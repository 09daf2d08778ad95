// `switchboard serve` in a child process, and calls to its HTTP bridge with that run's token, as
// the browser-mode console makes them. For tests and benches that need the real process (killed,
// or measured from outside).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN } from './built-cli';

export interface ConsoleProcess {
  child: ChildProcess;
  /** Runs an operation; resolves with its result on HTTP 200, rejects with the status and error otherwise. */
  call(operation: string, input: unknown): Promise<unknown>;
}

/** The `switchboard` command with these arguments (`nodeArgs` go to node itself, --cpu-prof say),
 *  its stderr drained (the slow-call log goes there). */
export function spawnSwitchboard(args: string[], nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.resume();
  return child;
}

/** Starts browser mode on `db` and waits for the address line it prints. */
export async function startConsole(db: string, start = spawnSwitchboard): Promise<ConsoleProcess> {
  const child = start(['serve', '--db', db]);
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`switchboard serve exited (${code}) before printing its address`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const url = new URL(line.replace('Switchboard console: ', ''));
  const headers = { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' };
  return {
    child,
    async call(operation, input) {
      const response = await fetch(`${url.origin}/api/call/${operation}`, { method: 'POST', headers, body: JSON.stringify(input) });
      const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (response.status !== 200 || !reply.ok) throw new Error(`${operation}: ${response.status} ${reply.error?.message}`);
      return reply.result;
    },
  };
}
