// `switchboard team serve` fetches the workspace's feeds (in its worker threads): only on the public
// internet unless whoever runs it allows local feeds. The built command, a real PostgreSQL and a
// real feed site on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { openPool } from '../../../db/pg/pool';
import { listFeeds } from '../../../db/pg/tables/feeds';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { createTestDatabase } from '../../support/postgres';
import { commentFeed, startFeedSite, type FeedSite } from './fetcher-support';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let site: FeedSite;
let pool: ReturnType<typeof openPool>;
beforeAll(async () => {
  ensureBuilt();
  database = await createTestDatabase('fetcher_serve');
  pool = openPool(database.url, 2);
  site = await startFeedSite();
}, 120_000);
afterAll(async () => {
  await site?.close();
  await pool?.end();
  await database?.drop();
});

function team(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, 'team', ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_PG: database.url } });
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** `team serve` on a free port, until stopped (SIGTERM, as an operator's Ctrl+C). */
function serve(...args: string[]): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [BIN, 'team', 'serve', '--pg', database.url, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stdout.once('data', () => resolve(async () => void (child.kill('SIGTERM'), await exited)));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`team serve exited (${code}) before printing its address: ${err}`)));
  });
}

test('a feed on the server\'s own machine is refused in plain words until the server is started with --allow-local-feeds', async () => {
  site.serve('local', { body: commentFeed('Intranet comments', [{ guid: 'k1', author: 'Kim', html: '<p>The VPN drops every hour.</p>' }]) });
  team('init', '--name', 'Acme support');
  team('feeds', 'add', site.url('local'));

  let stop = await serve();
  try {
    await vi.waitFor(async () => expect((await listFeeds(pool))[0]!.errorMessage).toBeTruthy(), { timeout: 30_000, interval: 200 });
  } finally {
    await stop();
  }
  expect((await listFeeds(pool))[0]!.errorMessage).toBe(
    'refused to connect to 127.0.0.1, which is on this computer or the local network: the team server fetches feeds on the public internet only, unless whoever runs it starts it with switchboard team serve --allow-local-feeds',
  );
  expect(site.requests('local')).toBe(0);

  team('feeds', 'add', site.url('local'));
  stop = await serve('--allow-local-feeds');
  try {
    await vi.waitFor(async () => expect((await listFeeds(pool))[0]).toMatchObject({ title: 'Intranet comments', errorMessage: null }), { timeout: 30_000, interval: 200 });
  } finally {
    await stop();
  }
  expect((await pool.query('SELECT author FROM comments')).rows).toEqual([{ author: 'Kim' }]);
  expect(site.requests('local')).toBe(1);
});
