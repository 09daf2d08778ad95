// Two team servers on one workspace database fetch its feeds once: one holds the fetcher lock and
// fetches, the other waits; when the holder stops or its connection dies, the other takes over.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { startTeamFetcher, type TeamFetcher } from '../../../main/team-server/fetcher';
import { addFeed } from '../../../db/pg/tables/feeds';
import { FETCHER_LOCK } from '../../../db/pg/tables/ingest';
import { changeRows, commentFeed, everyAddressPublic, startFeedSite, workspaceDatabase, type Comment, type FeedSite, type Workspace } from './fetcher-support';

let workspace: Workspace;
let site: FeedSite;
let clock = Date.UTC(2026, 10, 29, 9);
const MINUTE = 60_000;
const fetchers: TeamFetcher[] = [];

beforeAll(async () => {
  workspace = await workspaceDatabase('fetcher_election');
  site = await startFeedSite();
});
afterAll(async () => {
  await site.close();
  await workspace.close();
});
beforeEach(async () => {
  await workspace.query('TRUNCATE feeds, comments, changes RESTART IDENTITY CASCADE');
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((fetcher) => fetcher.stop()));
});

/** A team server's fetcher: a pool of its own, ticking fast. */
function startServerFetcher(): TeamFetcher {
  const fetcher = startTeamFetcher(workspace.pool(), { tickMs: 50, now: () => clock, classifyAddress: everyAddressPublic });
  fetchers.push(fetcher);
  return fetcher;
}

const comments = (count: number): Comment[] =>
  Array.from({ length: count }, (_, n) => ({ guid: `c${n}`, author: `Member ${n}`, html: `<p>Comment ${n}: is checkout down for anyone else?</p>` }));

async function storedGuids(): Promise<string[]> {
  return (await workspace.query<{ guid: string }>('SELECT guid FROM comments ORDER BY guid')).map((row) => row.guid);
}

const commentChanges = async () => (await changeRows(workspace)).filter((change) => change.kind === 'comment').map((change) => change.body.comment.guid).sort();

test('two fetchers on one database: one of them fetches, every comment is stored once; when it stops, the other fetches the next comment', async () => {
  site.serve('launch', { body: commentFeed('Launch day comments', comments(3)) });
  await addFeed(workspace.pool(), { url: site.url('launch') }, null, clock);
  const [first, second] = [startServerFetcher(), startServerFetcher()];

  await vi.waitFor(async () => expect(await storedGuids()).toEqual(['c0', 'c1', 'c2']), { timeout: 15_000 });
  expect(site.requests('launch')).toBe(1);
  expect(await commentChanges()).toEqual(['c0', 'c1', 'c2']);
  expect([first.fetching, second.fetching].sort()).toEqual([false, true]);

  const [holder, other] = first.fetching ? [first, second] : [second, first];
  await holder.stop();
  site.serve('launch', { body: commentFeed('Launch day comments', comments(4)) });
  clock += 16 * MINUTE;

  await vi.waitFor(async () => expect(await storedGuids()).toEqual(['c0', 'c1', 'c2', 'c3']), { timeout: 15_000 });
  expect(other.fetching).toBe(true);
  expect(site.requests('launch')).toBe(2);
  expect(await commentChanges()).toEqual(['c0', 'c1', 'c2', 'c3']);
});

test('when PostgreSQL ends the holder\'s connection, fetching goes on on one server, and each comment is still stored once', async () => {
  site.serve('outage', { body: commentFeed('Outage comments', comments(2)) });
  await addFeed(workspace.pool(), { url: site.url('outage') }, null, clock);
  startServerFetcher();
  startServerFetcher();
  await vi.waitFor(async () => expect(await storedGuids()).toEqual(['c0', 'c1']), { timeout: 15_000 });

  // The holder's lock connection, found by its lock (bigint keys show as two 32-bit halves).
  const [holder] = await workspace.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = $1`,
    [FETCHER_LOCK],
  );
  await workspace.query('SELECT pg_terminate_backend($1)', [holder!.pid]);
  site.serve('outage', { body: commentFeed('Outage comments', comments(3)) });
  clock += 16 * MINUTE;

  await vi.waitFor(async () => expect(await storedGuids()).toEqual(['c0', 'c1', 'c2']), { timeout: 15_000 });
  expect(site.requests('outage')).toBe(2);
  expect(await commentChanges()).toEqual(['c0', 'c1', 'c2']);
  await vi.waitFor(() => expect(fetchers.filter((fetcher) => fetcher.fetching)).toHaveLength(1));
});
