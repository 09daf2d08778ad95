// Owners manage the workspace's feeds: adding one has it fetched at once, adding it again retries
// it, removing one stops its fetching and tells the desktops to drop it.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { startTeamFetcher, type TeamFetcher } from '../../../main/team-server/fetcher';
import { addFeed, listFeeds, removeFeed } from '../../../db/pg/tables/feeds';
import { changeRows, commentFeed, everyAddressPublic, startFeedSite, workspaceDatabase, type FeedSite, type Workspace } from './fetcher-support';

let workspace: Workspace;
let site: FeedSite;
let clock = Date.UTC(2026, 10, 29, 9);
let fetcher: TeamFetcher | null = null;

beforeAll(async () => {
  workspace = await workspaceDatabase('fetcher_feeds');
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
  await fetcher?.stop();
  fetcher = null;
});

const startFetcher = () => (fetcher = startTeamFetcher(workspace.pool(), { tickMs: 50, now: () => clock, classifyAddress: everyAddressPublic }));
const dana = { guid: 'dana-1', author: 'Dana', html: '<p>Is the export broken?</p>' };

test('a feed added is fetched at once and listed with its health; adding it again answers "there already" and fetches it again now', async () => {
  site.serve('help', { status: 500 });
  const pool = workspace.pool();
  const first = await addFeed(pool, { url: site.url('help'), intervalMinutes: 30 }, null, clock);
  expect(first).toMatchObject({ added: true, feed: { url: site.url('help'), title: '', intervalMinutes: 30, errorCount: 0, removed: false } });
  startFetcher();
  await vi.waitFor(async () => expect((await listFeeds(pool))[0]!.errorCount).toBe(1), { timeout: 15_000 });
  const [failing] = await listFeeds(pool);
  expect(failing!.errorMessage).toMatch(/500/);
  expect(failing!.nextFetchAt).toBeGreaterThan(clock);

  // The site is fixed; the owner retries by adding the same address.
  site.serve('help', { body: commentFeed('Help forum', [dana]) });
  const again = await addFeed(pool, { url: site.url('help') }, null, clock);
  expect(again).toMatchObject({ added: false, feed: { id: first.feed.id, intervalMinutes: 30 } });
  await vi.waitFor(async () => expect((await listFeeds(pool))[0]).toMatchObject({ title: 'Help forum', errorCount: 0, errorMessage: null }), { timeout: 15_000 });
  expect(await workspace.query('SELECT guid FROM comments')).toEqual([{ guid: 'dana-1' }]);
});

test('a removed feed is no longer fetched nor listed, desktops are told, and adding it back starts it afresh', async () => {
  site.serve('gone', { body: commentFeed('Gone comments', [dana]) });
  const pool = workspace.pool();
  const { feed } = await addFeed(pool, { url: site.url('gone'), title: 'Our forum' }, null, clock);
  startFetcher();
  await vi.waitFor(async () => expect(site.requests('gone')).toBe(1), { timeout: 15_000 });

  const removed = await removeFeed(pool, feed.id, null, clock);
  expect(removed).toMatchObject({ id: feed.id, removed: true, title: 'Our forum' });
  expect(await removeFeed(pool, feed.id, null, clock)).toBeNull();
  expect(await listFeeds(pool)).toEqual([]);
  expect((await changeRows(workspace)).at(-1)).toMatchObject({ kind: 'feed', body: { feed: { id: feed.id, removed: true } } });
  // An hour on, another feed added is fetched, and the removed one is not.
  clock += 60 * 60_000;
  site.serve('other', { body: commentFeed('Other comments', []) });
  await addFeed(pool, { url: site.url('other') }, null, clock);
  await vi.waitFor(async () => expect((await listFeeds(pool))[0]!.title).toBe('Other comments'), { timeout: 15_000 });
  expect(site.requests('gone')).toBe(1);

  const back = await addFeed(pool, { url: site.url('gone') }, null, clock);
  expect(back).toMatchObject({ added: true, feed: { id: feed.id, removed: false, title: '', errorCount: 0 } });
  // Desktops dropped its comments with it: they get them again.
  const revived = (await changeRows(workspace)).slice(-2);
  expect(revived).toMatchObject([
    { kind: 'feed', body: { feed: { id: feed.id, removed: false } } },
    { kind: 'comment', body: { comment: { feedId: feed.id, guid: 'dana-1' } } },
  ]);
});
