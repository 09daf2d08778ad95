// Where the CPU went during a stretch of the team bench: the team server's process, PostgreSQL's
// processes and the bench's own (moderators' clients and the desktop), from /proc (Linux). On a
// 2-core machine shared with others, this says whether a slow round trip waited on the server,
// on PostgreSQL, or on the machine.
import fs from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time a process has used (user + system), in ms; 0 once it is gone. */
function cpuOf(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime the 15th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The postmaster (first line of postmaster.pid in the data folder) and every process it started. */
function postgresPids(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const children = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

export interface CpuShares {
  server: number;
  postgres: number;
  bench: number;
  /** What the whole machine did meanwhile (all cores), for the others' share. */
  machine: number;
  wallMs: number;
}

function machineBusyMs(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, 0);
}

/** Starts counting; the returned function says how much CPU (ms) each used since. */
export function countCpu(serverPid: number, postgresDataDir: string): () => CpuShares {
  // Per process, so a connection that ends meanwhile takes away only what it used before (a little
  // under-counted), never more.
  const postgres = () => new Map(postgresPids(postgresDataDir).map((pid) => [pid, cpuOf(pid)]));
  const bench = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const start = { server: cpuOf(serverPid), postgres: postgres(), bench: bench(), machine: machineBusyMs(), at: performance.now() };
  return () => ({
    server: cpuOf(serverPid) - start.server,
    postgres: [...postgres()].reduce((sum, [pid, used]) => sum + used - (start.postgres.get(pid) ?? 0), 0),
    bench: bench() - start.bench,
    machine: machineBusyMs() - start.machine,
    wallMs: performance.now() - start.at,
  });
}

/** "server 0.62 cores, PostgreSQL 0.71, this process 0.30, the rest of the machine 0.25 (of 2)". */
export function describeCpu(shares: CpuShares): string {
  const cores = (ms: number) => (ms / shares.wallMs).toFixed(2);
  // The machine's counters tick coarsely: over a short stretch their sum may overshoot the cores.
  const ours = shares.server + shares.postgres + shares.bench;
  const others = Math.min(Math.max(0, shares.machine - ours), os.cpus().length * shares.wallMs - ours);
  return `CPU used: the team server ${cores(shares.server)} cores, PostgreSQL ${cores(shares.postgres)}, this process (clients and desktop) ${cores(shares.bench)}, everything else on the machine ${cores(others)} (of ${os.cpus().length})`;
}
