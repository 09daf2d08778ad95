// The team server as the bench runs it: the built `switchboard team ...` commands, each its own
// process as a team runs them, so the server's memory is its own (read from /proc/PID/status).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { TEAM_API, type JoinAnswer } from '../common/team-wire';
import { BIN } from '../test/support/built-cli';

function team(args: string[]): string {
  const run = spawnSync(process.execPath, [BIN, 'team', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`switchboard team ${args[0]} failed (${run.status}): ${run.stderr || run.stdout}`);
  return run.stdout;
}

/** Creates the workspace's schema (`switchboard team init`). */
export function initWorkspace(url: string): void {
  team(['init', '--pg', url]);
}

export interface TeamServerProcess {
  url: string;
  pid: number;
  /** Resident memory now and at its highest, from /proc/PID/status (MB). */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

/** `switchboard team serve --pg URL --port 0`, resolved once it prints its address. */
export async function startTeamServer(pgUrl: string): Promise<TeamServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'team', 'serve', '--pg', pgUrl, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /https?:\/\/[\w.:[\]-]+/.exec(output);
      if (address) resolve(address[0]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`switchboard team serve ended (${code}) before printing its address: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    memory() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Invites a moderator (`switchboard team invite`) and joins with the invite, as their desktop would: their personal token. */
export async function inviteAndJoin(pgUrl: string, serverUrl: string, name: string, role: 'owner' | 'moderator' = 'moderator'): Promise<JoinAnswer> {
  const printed = team(['invite', name, '--role', role, '--pg', pgUrl]);
  const invite = /sbi_[A-Za-z0-9_-]{43}/.exec(printed)?.[0];
  if (!invite) throw new Error(`switchboard team invite printed no invite: ${printed}`);
  const answer = await fetch(`${serverUrl}${TEAM_API}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ invite }) });
  if (!answer.ok) throw new Error(`joining as ${name} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as JoinAnswer;
}
