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
import { ensureBuilt } from '../test/support/built-cli';
import { line, timeGoal, timingOf, type Goal } from './figures';
import { loadWorkspace, WORKSPACE } from './team-workspace';
import { initWorkspace, inviteAndJoin, startTeamServer, type TeamServerProcess } from './team-server-process';
import { teamClient, triage, type TeamClient } from './team-moderators';

const MODERATORS = Number(process.env.BENCH_TEAM_MODERATORS ?? 10);
/** Comments each moderator routes. */
const EACH = Number(process.env.BENCH_TEAM_EACH ?? 200);
/** Comments one moderator routes alone before the others start (the reference without contention). */
const ALONE = 50;

const print = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** A figure reported without a goal (the issue sets none for it). */
interface Reported {
  name: string;
  value: number;
  unit: string;
}

function table(goals: Goal[], reported: Reported[]): string {
  const rows = [
    ...goals.map((goal) => [goal.name, `${goal.value} ${goal.unit}`, goal.goal, goal.pass ? 'pass' : 'MISSED']),
    ...reported.map((figure) => [figure.name, `${figure.value} ${figure.unit}`, '(none)', '']),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), ['figure', 'result', 'goal'][column]!.length));
  const format = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 4)).join(' | ')} |`;
  return [format(['figure', 'result', 'goal', 'pass']), format(widths.map((width) => '-'.repeat(width)).concat('----')), ...rows.map(format)].join('\n');
}

/** The Inbox as the desktops show it: new comments, newest first (their ids). */
async function inboxIds(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(`SELECT id FROM comments WHERE status = 'new' ORDER BY published_at DESC, id DESC`);
    return result.rows.map((row) => Number(row.id));
  } finally {
    await client.end();
  }
}

it('team workspace figures at 1,000,000 comments', async () => {
  print(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, load average ${loadAverage()} at the start`);
  ensureBuilt();
  const goals: Goal[] = [];
  const reported: Reported[] = [];
  const postgres = startPostgres();
  let server: TeamServerProcess | undefined;
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
    reported.push({ name: `loading ${WORKSPACE.comments.toLocaleString('en')} comments and their change rows`, value: Number((loadTotal / 1000).toFixed(1)), unit: 's' });

    print('\n2. The team server: `node bin/switchboard.cjs team serve --pg URL --port 0`, its own process');
    server = await startTeamServer(url);
    const started = server.memory();
    print(`   ${server.url}, pid ${server.pid}, ${started.rssMb.toFixed(0)} MB resident once listening`);
    const clients: TeamClient[] = [];
    for (let n = 1; n <= MODERATORS; n += 1) clients.push(teamClient(server.url, (await inviteAndJoin(url, server.url, `Moderator ${n}`)).token));

    print(`\n3. ${MODERATORS} moderators triaging at once over HTTP, ${EACH} comments each: claim a comment near the top of the Inbox, route it`);
    const inbox = await inboxIds(url);
    // One moderator alone first, on comments further down: what a round trip costs without waiting
    // behind the others' (it also warms the server's connections and statements).
    const alone = await triage(clients.slice(0, 1), inbox.slice(-ALONE), ALONE);
    print(`   ${line('alone: claim', timingOf(alone.claimMs))}`);
    print(`   ${line('alone: decision', timingOf(alone.decisionMs))}`);
    const run = await triage(clients, inbox, EACH);
    const claim = timingOf(run.claimMs);
    const decision = timingOf(run.decisionMs);
    const claimGoals = [timeGoal('a claim (POST /claim), median', claim, 20, 'median'), timeGoal('a claim, p95', claim, 20, 'p95')];
    const decisionGoals = [timeGoal('a decision (POST /decisions), median', decision, 20, 'median'), timeGoal('a decision, p95', decision, 20, 'p95')];
    print(`   ${line('claim', claim, claimGoals[1])}`);
    print(`   ${line('decision', decision, decisionGoals[1])}`);
    print(`   ${run.routed.length} routed in ${seconds(run.wallMs)} (${((run.routed.length / run.wallMs) * 1000).toFixed(0)} a second); ${run.refused} claims refused (another moderator held the comment), ${run.conflicts} decisions answered 'conflict'`);
    goals.push(...claimGoals, ...decisionGoals);
    reported.push({ name: 'claims refused (held by another)', value: run.refused, unit: '' }, { name: 'decisions answered conflict', value: run.conflicts, unit: '' });

    const after = server.memory();
    print(`\n6. The team server's memory after the run: ${after.rssMb.toFixed(0)} MB resident (${after.peakMb.toFixed(0)} MB at its highest)`);
    reported.push({ name: 'team server memory (RSS) after the run', value: Math.round(after.rssMb), unit: 'MB' }, { name: 'team server memory, highest', value: Math.round(after.peakMb), unit: 'MB' });
  } finally {
    await server?.stop();
    postgres.stop();
  }
  print(`\nload average ${loadAverage()} at the end (${os.cpus().length} cores)\n`);
  print(table(goals, reported));
  print(`\n${goals.filter((goal) => goal.pass).length} of ${goals.length} goals pass`);
  print(JSON.stringify({ goals, reported }));
}, 3_600_000);
