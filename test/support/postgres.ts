// A real PostgreSQL for tests and benches: Debian's package, a cluster made in a temporary folder,
// listening on a Unix socket only (no TCP port to collide with), stopped at the end, also when the
// tests fail. initdb refuses to run as root, so as root the server runs as the `postgres` user.
// No imitation stands in for it: the team workspace leans on row locks, advisory locks and
// LISTEN/NOTIFY, which only the real engine has.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** The folder holding the socket (node-postgres takes it as `host`). */
  socketDir: string;
  port: number;
  /** A connection URL to database `name` (default: the `postgres` maintenance database). */
  url(name?: string): string;
  stop(): void;
}

/** Where the server's programs are: pg_config says, else the newest Debian version folder. */
export function postgresBinDir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && fs.existsSync(path.join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (fs.existsSync(path.join(root, version, 'bin', 'initdb'))) return path.join(root, version, 'bin');
  throw new Error('PostgreSQL is not installed: the team workspace tests need it (Debian: apt-get install -y postgresql; .ci/run does this)');
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs one of the server's programs, as `postgres` when this process is root. */
function runPostgresProgram(bin: string, program: string, args: string[]): void {
  const file = path.join(bin, program);
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts a fresh cluster; `stop()` (or the process ending) removes it. About 2 s. */
export function startPostgres(): TestPostgres {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-pg-'));
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  runPostgresProgram(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // fsync off: a test cluster is thrown away, and the disk is shared with everything else running.
  const options = `-k ${dir} -p ${port} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runPostgresProgram(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      runPostgresProgram(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already gone (killed with its test run): the folder is removed all the same.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A run stopped half-way (a failed assertion in a setup, Ctrl+C) still takes its server down.
  process.on('exit', stop);
  return { socketDir: dir, port, url: (name = 'postgres') => postgresUrl(dir, port, name), stop };
}

export function postgresUrl(socketDir: string, port: number, database: string): string {
  return `postgresql://postgres@/${encodeURIComponent(database)}?host=${encodeURIComponent(socketDir)}&port=${port}`;
}

/** The server the Vitest run started (test/support/postgres-global.ts), from its environment. */
export function sharedTestPostgres(): { socketDir: string; port: number } {
  const socketDir = process.env.SWITCHBOARD_TEST_PG_SOCKET;
  const port = Number(process.env.SWITCHBOARD_TEST_PG_PORT);
  if (!socketDir || !port) throw new Error('no test PostgreSQL: run the tests through Vitest (its global setup starts one)');
  return { socketDir, port };
}

/**
 * A new, empty database on the shared test server, for one test file: its URL and a function that
 * drops it (call it in afterAll). Database names are unique, so test files never see each other's rows.
 */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { socketDir, port } = sharedTestPostgres();
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: postgresUrl(socketDir, port, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: postgresUrl(socketDir, port, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl(socketDir, port, 'postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
