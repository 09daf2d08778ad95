// npm run bench:team-fetcher — the team server's fetcher on a real PostgreSQL: FEEDS local comment
// feeds of COMMENTS each fetched in one run (in the ingest worker threads, as `team serve` does) and
// stored with one change per comment; then the same run again with nothing new. Prints comments
// stored per second, the change rows each run wrote, and how long the server's event loop was held
// at worst meanwhile (what a claim or decision would have waited behind). BENCH_IN_PROCESS=1 reads
// the feeds on the server's own thread instead, for comparison.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { it } from 'vitest';
import { migrateWorkspace } from '../db/pg/migrate';
import { openPool } from '../db/pg/pool';
import { addFeed } from '../db/pg/tables/feeds';
import { workerRunner } from '../main/features/feeds/runner';
import { startTeamFetcher } from '../main/team-server/fetcher';
import { startPostgres } from '../test/support/postgres';
import { commentFeed } from './comment-feed';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 100);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 200);
const IN_PROCESS = process.env.BENCH_IN_PROCESS === '1';
const MINUTE = 60_000;

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

it('fetches and stores a run of feeds into the workspace', async () => {
  const postgres = startPostgres();
  const body = commentFeed(COMMENTS);
  const site = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(body));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const pool = openPool(postgres.url());
  const runner = workerRunner(path.resolve(__dirname, '..', 'out', 'main', 'ingest-worker.js'));
  let clock = Date.now();
  try {
    await migrateWorkspace(pool);
    for (let feed = 0; feed < FEEDS; feed += 1) await addFeed(pool, { url: `${origin}/feeds/${feed}.xml` }, null, clock);
    const count = async (sql: string) => Number((await pool.query<{ n: number }>(sql)).rows[0]!.n);
    const changesBefore = await count('SELECT count(*) AS n FROM changes');

    const run = async (label: string) => {
      const runStart = clock;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const started = performance.now();
      const fetcher = startTeamFetcher(pool, { ...(IN_PROCESS ? {} : { runner }), now: () => clock, allowLocalFeeds: true, tickMs: 50 });
      await until(async () => (await count(`SELECT count(*) AS n FROM feeds WHERE last_fetched_at IS NULL OR last_fetched_at < ${runStart}`)) === 0);
      const seconds = (performance.now() - started) / 1000;
      delay.disable();
      await fetcher.stop();
      const changes = (await count('SELECT count(*) AS n FROM changes')) - changesBefore;
      console.log(
        `${label}, read ${IN_PROCESS ? 'in process' : 'in worker threads'}: ${FEEDS} feeds × ${COMMENTS} comments in ${seconds.toFixed(2)} s = ${Math.round((FEEDS * COMMENTS) / seconds)} comments/s; ` +
          `change rows so far ${changes}; event loop held at most ${(delay.max / 1e6).toFixed(1)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms)`,
      );
    };
    await run('first fetch (all new)');
    clock += 16 * MINUTE;
    await run('refetch (nothing new)');
    console.log(`comments stored: ${await count('SELECT count(*) AS n FROM comments')}`);
  } finally {
    await runner.close();
    await pool.end();
    site.close();
    postgres.stop();
  }
});
