// npm run bench:load — 500 subscribed feeds on 50 local hosts (10 feeds each, 20 to 50 comments a
// feed) fetched in one run by a real `switchboard serve`, while a simulated moderator works
// through its HTTP bridge: list the Inbox, open a comment, route it, save a draft. Prints the
// API round trips during the run (p50/p95/max, goal: p95 under 100 ms), the run's duration,
// comments stored per second, and the most connections and requests any one host saw at once
// (the limit is 2 per host). Asserts nothing. BENCH_PROFILE_DIR=<folder> keeps the console's CPU
// profiles (open them in Chrome DevTools, or summarize with scripts like bench/ingest-stages.ts does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { openDatabase } from '../db/connection';
import { startCommentFeedServer, type CommentFeedServer } from '../test/server/comment-feeds';
import { spawnSwitchboard, startConsole, type ConsoleProcess } from '../test/support/console-process';

const HOSTS = Number(process.env.BENCH_HOSTS ?? 50);
const FEEDS_PER_HOST = Number(process.env.BENCH_FEEDS_PER_HOST ?? 10);
/** How long each host takes to answer, as a remote site would. */
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 20);
/** The moderator's pause between two actions. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 20);
/** A folder for the console process's CPU profiles (its main thread and each ingest worker), to find where time goes. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const ROUTES = ['service', 'spotlight', 'ignore'] as const;

type Timings = Map<string, number[]>;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed<T>(timings: Timings, operation: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await call();
  } finally {
    const list = timings.get(operation) ?? [];
    list.push(performance.now() - started);
    timings.set(operation, list);
  }
}

/** A moderator going down the Inbox until told to stop: list, open the first, route it, draft a reply. */
async function moderate(app: ConsoleProcess, timings: Timings, stopped: () => boolean): Promise<number> {
  let errors = 0;
  for (let turn = 0; !stopped(); turn += 1) {
    try {
      const page = (await timed(timings, 'items-list', () => app.call('items-list', { view: 'inbox', limit: 50 }))) as { items: { id: number }[] };
      const item = page.items[turn % Math.max(1, page.items.length)];
      if (item) {
        await timed(timings, 'item-get', () => app.call('item-get', { id: item.id }));
        await timed(timings, 'draft-save', () => app.call('draft-save', { itemId: item.id, body: `Thanks for the report (${turn}), we are looking into it.` }));
        await timed(timings, 'items-route', () => app.call('items-route', { ids: [item.id], route: ROUTES[turn % ROUTES.length] }));
      }
    } catch {
      errors += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, THINK_MS));
  }
  return errors;
}

const row = (cells: (string | number)[]) => cells.map((cell, n) => (n === 0 ? String(cell).padEnd(12) : String(cell).padStart(9))).join('');
const ms = (value: number) => value.toFixed(1);

it('500 feeds fetched while the console is used', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-load-'));
  const comments = (feed: number) => 20 + ((feed * 7) % 31);
  const hosts: CommentFeedServer[] = await Promise.all(Array.from({ length: HOSTS }, () => startCommentFeedServer({ comments, delayMs: DELAY_MS })));
  const dbPath = path.join(dir, 'bench.db');
  const app = await startConsole(dbPath, (args) => spawnSwitchboard(args, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []));
  try {
    const outlines = hosts.flatMap((host, h) => Array.from({ length: FEEDS_PER_HOST }, (_, f) => `<outline text="Site ${h}-${f}" xmlUrl="${host.url(f)}"/>`));
    await app.call('opml-import', { opml: `<opml version="2.0"><body>${outlines.join('')}</body></opml>`, allowLocal: true });
    // Something in the Inbox to work on before the run.
    await app.call('feeds-fetch', { feedIds: [1, 2] });
    for (const host of hosts) host.nextBatch();

    const timings: Timings = new Map();
    let running = true;
    const moderator = moderate(app, timings, () => !running);
    const started = performance.now();
    const results = (await app.call('feeds-fetch', { all: true })) as { status: string; newItems: number }[];
    const seconds = (performance.now() - started) / 1000;
    running = false;
    const errors = await moderator;

    const stored = results.reduce((sum, result) => sum + result.newItems, 0);
    const statuses = results.reduce<Record<string, number>>((count, result) => ({ ...count, [result.status]: (count[result.status] ?? 0) + 1 }), {});
    const peaks = hosts.map((host) => host.peak());
    const all = [...timings.values()].flat();
    const lines = [
      `${results.length} feeds on ${HOSTS} hosts (${FEEDS_PER_HOST} each, ${DELAY_MS} ms answers), fetched in one run by switchboard serve; ${os.availableParallelism()} cores`,
      `run: ${seconds.toFixed(2)} s, ${stored.toLocaleString('en')} comments stored, ${(stored / seconds).toFixed(0)} comments/s; feeds: ${JSON.stringify(statuses)}`,
      `most at once at any one host: ${Math.max(...peaks.map((peak) => peak.connections))} connections, ${Math.max(...peaks.map((peak) => peak.requests))} requests (limit: 2 per host)`,
      '',
      row(['API call', 'calls', 'p50 ms', 'p95 ms', 'max ms']),
      ...[...timings].map(([operation, values]) => row([operation, values.length, ms(percentile(values, 50)), ms(percentile(values, 95)), ms(Math.max(...values))])),
      row(['all', all.length, ms(percentile(all, 50)), ms(percentile(all, 95)), ms(Math.max(...all))]),
      `goal: p95 under 100 ms; ${errors} moderator turns failed`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
    const db = openDatabase(dbPath);
    process.stdout.write(`database: ${(db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number).toLocaleString('en')} comments\n`);
    db.close();
  } finally {
    const exited = new Promise((resolve) => app.child.once('exit', resolve));
    app.child.kill('SIGTERM');
    await exited; // the CPU profiles are written as it exits
    await Promise.all(hosts.map((host) => host.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
