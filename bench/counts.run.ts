// npm run bench:counts — on a database of BENCH_ITEMS comments (1,000,000 by default) spread as a
// busy moderator's are (200 feeds, 20,000 threads, 50,000 authors over two years, 5% in the Inbox,
// the rest routed, snoozed or done), what the sidebar's counts, the feed list and the overdue
// count cost through the service, and what one routing key and one undo cost with the change
// announced (the counts every console is sent after a write); then what keeping the counts adds to
// storing a fetched comment. Prints medians and p95; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { nativeBindingForThisProcess } from '../db/native';
import { countOverdue } from '../db/tables/item-counts';
import { overdueBefore } from '../common/waiting';
import { createService } from '../main/app/service';
import { inProcessRunner } from '../main/features/feeds/in-process-runner';
import { normalizeFeed } from '../main/features/feeds/parse/normalize';
import { parseFeedXml } from '../main/features/feeds/parse/rss';
import { storeOutcome } from '../main/features/feeds/store';
import { scoreArrivals } from '../main/features/suggestions/ingest';
import { addFeed } from '../test/support/seed';
import { commentFeed } from './comment-feed';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const DAY = 86_400_000;
/** Where the counts began to be kept (before it, every count read the items table). */
const KEPT_COUNTS_VERSION = migrations.find((migration) => migration.name === 'kept_counts')?.version ?? Infinity;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

function figures(values: number[]): string {
  return `median ${percentile(values, 0.5).toFixed(2)} ms, p95 ${percentile(values, 0.95).toFixed(2)} ms (${values.length} runs)`;
}

/**
 * Comments written through SQL in one statement into a file of the version before kept counts,
 * so that opening it afterwards measures migration 009 counting them. Of every 100: 5 new, 15
 * customer service (open, drafted, ready, exported, resolved in turn), 30 spotlight, 30 ignored,
 * 2 snoozed, 18 done.
 */
function seed(dbPath: string, count: number, now: number): void {
  const db = new Database(dbPath, { nativeBinding: nativeBindingForThisProcess() });
  migrate(db, migrations.filter((migration) => migration.version < KEPT_COUNTS_VERSION));
  db.transaction(() => {
    const feed = db.prepare("INSERT INTO feeds (url, site, title, created_at) VALUES (?, ?, ?, 0)");
    for (let n = 0; n < 200; n += 1) feed.run(`https://blog-${n}.example/comments/feed/`, `blog-${n}.example`, `Blog ${n}`);
    db.prepare(
      `WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < 19999)
       INSERT INTO threads (site, url, title, created_at) SELECT 'blog-' || (x % 200) || '.example', 'https://blog-' || (x % 200) || '.example/post-' || x, 'Post ' || x, 0 FROM n`,
    ).run();
    db.prepare(
      `WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < @count - 1),
         placed AS (SELECT x, x % 100 AS p FROM n)
       INSERT INTO items (feed_id, guid, thread_id, author, published_at, content_html, content_text, status, route, service_state, fetched_at, updated_at)
       SELECT 1 + x % 200, 'bench-' || x, 1 + x % 20000, 'Member ' || (x % 50000), @now - (x * 63072) % (730 * ${DAY}),
              '<p>Comment ' || x || '</p>', 'Comment ' || x,
              CASE WHEN p < 5 THEN 'new' WHEN p < 80 THEN 'routed' WHEN p < 82 THEN 'snoozed' ELSE 'done' END,
              CASE WHEN p < 5 THEN NULL WHEN p < 20 THEN 'service' WHEN p < 50 THEN 'spotlight' WHEN p < 80 THEN 'ignore' WHEN p < 82 THEN NULL ELSE 'ignore' END,
              CASE WHEN p >= 5 AND p < 20 THEN CASE p % 5 WHEN 0 THEN 'open' WHEN 1 THEN 'drafted' WHEN 2 THEN 'ready' WHEN 3 THEN 'exported' ELSE 'resolved' END END,
              @now, @now
         FROM placed`,
    ).run({ count, now });
    db.prepare(`UPDATE items SET snoozed_until = @until WHERE status = 'snoozed'`).run({ until: now + 30 * DAY });
  })();
  db.close();
}

async function timed(runs: number, call: (run: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await call(run);
    times.push(performance.now() - started);
  }
  return times;
}

/** Resolves once the callbacks queued before it (the change announcement after a write) have run. */
const afterAnnouncement = () => new Promise((resolve) => setImmediate(resolve));

it(`counts with ${ITEMS.toLocaleString('en')} comments`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-counts-'));
  try {
    const dbPath = path.join(dir, 'bench.db');
    const now = Date.now();
    let started = performance.now();
    seed(dbPath, ITEMS, now);
    const seedSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const db = openDatabase(dbPath);
    const openMs = performance.now() - started;
    const service = createService({ db, dbPath, version: 'bench', now: () => now, runner: inProcessRunner() });
    const { client } = service;
    // The first call compiles the statements and warms the page cache: not counted.
    await client['views-counts']();
    await client['feeds-list']();
    const counts = await timed(50, () => client['views-counts']());
    const feeds = await timed(20, () => client['feeds-list']());
    const before = overdueBefore(now, 24);
    const overdue = await timed(50, async () => countOverdue(db, before));
    const inbox = (await client['items-list']({ view: 'inbox', limit: 40 })).items.map((item) => item.id);
    const routes = await timed(30, async (run) => {
      await client['items-route']({ ids: [inbox[run]!], route: run % 2 ? 'spotlight' : 'service' });
      await afterAnnouncement();
    });
    const undos = await timed(30, async () => {
      await client['items-undo']();
      await afterAnnouncement();
    });
    const sidebar = await client['views-counts']();
    await service.close();

    console.log(
      [
        `${ITEMS.toLocaleString('en')} comments, ${(fs.statSync(dbPath).size / 1024 / 1024).toFixed(0)} MB (seeded in ${seedSeconds.toFixed(1)} s; opened in ${openMs.toFixed(0)} ms, migrations to the current version included), ${os.cpus().length} cores`,
        `sidebar: ${JSON.stringify(sidebar)}`,
        `views-counts (every view, overdue, ready): ${figures(counts)}`,
        `feeds-list (200 feeds with comment and new counts): ${figures(feeds)}`,
        `overdue count alone: ${figures(overdue)}`,
        `items-route, one comment, with its change announced: ${figures(routes)}`,
        `items-undo, with its change announced: ${figures(undos)}`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Storing fetched comments (the real store path, 500 per fetch, each fetch a new feed so every
 * comment is new) into two files alike but for the counting triggers, alternating between them so
 * the machine's other work weighs on both alike.
 */
it('what keeping the counts costs per stored comment', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-counts-'));
  try {
    const feedUrl = 'https://blog.example/comments/feed/';
    const parsed = normalizeFeed(await parseFeedXml(commentFeed(500)), feedUrl, Date.now());
    const outcome = { status: 'ok' as const, finalUrl: feedUrl, etag: null, lastModified: null, feed: parsed };
    const kept = openDatabase(path.join(dir, 'kept.db'));
    const bare = openDatabase(path.join(dir, 'bare.db'));
    for (const trigger of bare.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'item_counts_%'").pluck().all() as string[]) bare.exec(`DROP TRIGGER ${trigger}`);
    let fetches = 0;
    const store = (db: typeof kept) => {
      const id = addFeed(db, 'bench', `${feedUrl}?fetch=${(fetches += 1)}`);
      const started = performance.now();
      storeOutcome(db, { id, url: feedUrl, title: 'bench', interval_minutes: 15, error_count: 0, follow_days: null, site: 'blog.example' }, outcome, Date.now(), scoreArrivals);
      return ((performance.now() - started) * 1000) / parsed.comments.length;
    };
    const costs = { kept: [] as number[], bare: [] as number[] };
    for (let trial = 0; trial < 40; trial += 1) {
      // Each goes first every other trial; the first fetches warm up and are not counted.
      const first = trial % 2 ? 'kept' : 'bare';
      const second = first === 'kept' ? 'bare' : 'kept';
      const firstCost = store(first === 'kept' ? kept : bare);
      const secondCost = store(second === 'kept' ? kept : bare);
      if (trial >= 4) costs[first].push(firstCost), costs[second].push(secondCost);
    }
    kept.close();
    bare.close();
    const keptMedian = percentile(costs.kept, 0.5);
    const bareMedian = percentile(costs.bare, 0.5);
    console.log(
      [
        `store a fetched comment (${parsed.comments.length} per fetch, ${costs.kept.length} fetches each, alternating):`,
        `  with kept counts ${keptMedian.toFixed(1)} µs, without ${bareMedian.toFixed(1)} µs: +${(keptMedian - bareMedian).toFixed(1)} µs (${((keptMedian / bareMedian - 1) * 100).toFixed(0)}%) per comment`,
        `  that is ${(1e6 / keptMedian).toFixed(0)} against ${(1e6 / bareMedian).toFixed(0)} comments/s stored on one thread`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
