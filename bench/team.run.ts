// npm run bench:team — issue 15's figures: a team workspace of 1,000,000 comments in a real
// PostgreSQL (started for the run, stopped at the end even on failure), the team server as its own
// process, 10 moderators triaging at once over HTTP, a change reaching another desktop, a desktop
// catching up on a day offline, and the server's memory. Prints each figure next to its goal, a
// table, and one JSON line at the end ({"goals":[...]}, as `npm run bench` does). Asserts nothing:
// a missed goal is printed as missed and the run still ends.
import os from 'node:os';
import pg from 'pg';
import { it } from 'vitest';
import { startPostgres } from '../test/support/postgres';
import type { Goal } from './figures';
import { loadWorkspace, WORKSPACE } from './team-workspace';
import { initWorkspace } from './team-server-process';

const print = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

it('team workspace figures at 1,000,000 comments', async () => {
  const [load1, load5, load15] = os.loadavg().map((value) => value.toFixed(2));
  print(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load1} ${load5} ${load15} at the start`);
  const goals: Goal[] = [];
  const postgres = startPostgres();
  try {
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE workspace');
    await admin.end();
    const url = postgres.url('workspace');
    initWorkspace(url);

    print(`\n1. Loading ${WORKSPACE.comments.toLocaleString('en')} comments into PostgreSQL (${WORKSPACE.feeds} feeds, ${WORKSPACE.threads.toLocaleString('en')} threads, ${WORKSPACE.authors.toLocaleString('en')} authors, the newest ${WORKSPACE.inboxShare * 100}% in the Inbox)`);
    const loaded = await loadWorkspace(url);
    const loadTotal = loaded.loadMs.comments + loaded.loadMs.changes + loaded.loadMs.analyze;
    print(`   comments ${seconds(loaded.loadMs.comments)}, their 'comment' rows in the change log ${seconds(loaded.loadMs.changes)}, ANALYZE ${seconds(loaded.loadMs.analyze)}: ${seconds(loadTotal)} in all`);
    print(`   ${loaded.inbox.toLocaleString('en')} in the Inbox, change log head ${loaded.head.toLocaleString('en')}, database ${(loaded.bytes / 2 ** 20).toFixed(0)} MB, a comment's text ${loaded.textLength.median} characters (median; p95 ${loaded.textLength.p95})`);
    goals.push({ name: 'loading the workspace', value: Math.round(loadTotal), unit: 'ms', goal: 'none (reported)', pass: true });
  } finally {
    postgres.stop();
  }
  print(JSON.stringify({ goals }));
}, 3_600_000);
