// What the fetcher writes to the workspace for one feed: its comments once each with one change
// apiece, nothing for a refetch that finds nothing new, one change for an edited comment, and for a
// broken or hostile feed a plain error on the feed and nothing half written.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { startTeamFetcher, type TeamFetcher } from '../../../main/team-server/fetcher';
import { addFeed, removeFeed } from '../../../db/pg/tables/feeds';
import { changeRows, commentFeed, everyAddressPublic, startFeedSite, workspaceDatabase, type Comment, type FeedSite, type Workspace } from './fetcher-support';

let workspace: Workspace;
let site: FeedSite;
let clock = Date.UTC(2026, 10, 29, 9);
const MINUTE = 60_000;
let fetcher: TeamFetcher | null = null;

beforeAll(async () => {
  workspace = await workspaceDatabase('fetcher_store');
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

async function subscribe(name: string): Promise<number> {
  const { feed } = await addFeed(workspace.pool(), { url: site.url(name) }, null, clock);
  fetcher ??= startTeamFetcher(workspace.pool(), { tickMs: 50, now: () => clock, classifyAddress: everyAddressPublic });
  return feed.id;
}

interface FeedState {
  title: string;
  error_message: string | null;
  error_count: number;
  last_fetched_at: number | null;
}
const feedState = async (id: number) => (await workspace.query<FeedState>('SELECT title, error_message, error_count, last_fetched_at FROM feeds WHERE id = $1', [id]))[0]!;

/** Waits until the fetch at the current clock is stored. */
const fetchedNow = (id: number) => vi.waitFor(async () => expect((await feedState(id)).last_fetched_at).toBe(clock), { timeout: 15_000 });

/** Makes the feed due again and waits for that fetch. */
async function fetchAgain(id: number): Promise<void> {
  clock += 16 * MINUTE;
  await fetchedNow(id);
}

const dana: Comment = { guid: 'dana-1', author: 'Dana', html: '<p>Checkout fails with error 502 since this morning.</p>' };
const sam: Comment = { guid: 'sam-1', author: 'Sam', html: '<p>Clearing the cart fixed it for me.</p><script>alert(1)</script>' };

const changesAfter = async (seq: number) => (await changeRows(workspace)).filter((change) => change.seq > seq);
const lastSeq = async () => (await changeRows(workspace)).at(-1)?.seq ?? 0;

test('a first fetch stores each comment once, sanitized, with one comment change each and one for the feed\'s title', async () => {
  site.serve('first', { body: commentFeed('Launch day comments', [dana, sam]) });
  const start = await lastSeq();
  const id = await subscribe('first');
  await fetchedNow(id);

  const stored = await workspace.query<{ guid: string; author: string; content_html: string; status: string; version: number }>('SELECT guid, author, content_html, status, version FROM comments ORDER BY id');
  expect(stored.map((row) => [row.guid, row.author, row.status, row.version])).toEqual([['dana-1', 'Dana', 'new', 1], ['sam-1', 'Sam', 'new', 1]]);
  expect(stored[1]!.content_html).not.toContain('script');
  const changes = await changesAfter(start);
  // The owner's addition, then the fetch's comments and the title the feed gave itself.
  expect(changes.map((change) => change.kind)).toEqual(['feed', 'comment', 'comment', 'feed']);
  expect(changes[1]!.body.comment).toMatchObject({ guid: 'dana-1', author: 'Dana', feedId: id, version: 1, state: { status: 'new', route: null }, lease: null });
  expect(changes[3]!.body.feed).toMatchObject({ id, title: 'Launch day comments', errorMessage: null, removed: false });
  expect((await feedState(id)).title).toBe('Launch day comments');
});

test('a refetch that finds nothing new writes no change, whether the site answers 304 or the same feed again', async () => {
  site.serve('same', { body: commentFeed('Same comments', [dana, sam]) });
  site.serve('cached', { body: commentFeed('Cached comments', [dana, sam]), etag: true });
  const [same, cached] = [await subscribe('same'), await subscribe('cached')];
  await Promise.all([fetchedNow(same), fetchedNow(cached)]);
  const before = await lastSeq();

  clock += 16 * MINUTE;
  await Promise.all([fetchedNow(same), fetchedNow(cached)]);

  expect([site.requests('same'), site.requests('cached')]).toEqual([2, 2]);
  expect(await changesAfter(before)).toEqual([]);
  expect((await workspace.query('SELECT id FROM comments')).length).toBe(4);
});

test('an edited comment makes one comment change, with its new text, its id and its moderators\' state kept', async () => {
  site.serve('edited', { body: commentFeed('Edited comments', [dana, sam]) });
  const id = await subscribe('edited');
  await fetchedNow(id);
  await workspace.query(`UPDATE comments SET status = 'routed', route = 'service', version = 2 WHERE guid = 'dana-1'`);
  const [danaId] = await workspace.query<{ id: number }>(`SELECT id FROM comments WHERE guid = 'dana-1'`);
  const before = await lastSeq();

  site.serve('edited', { body: commentFeed('Edited comments', [{ ...dana, html: '<p>Checkout fails with error 502 since this morning. Still broken at noon!</p>' }, sam]) });
  await fetchAgain(id);

  const changes = await changesAfter(before);
  expect(changes.map((change) => change.kind)).toEqual(['comment']);
  expect(changes[0]!.body.comment).toMatchObject({ id: danaId!.id, guid: 'dana-1', version: 2, state: { status: 'routed', route: 'service' } });
  expect(changes[0]!.body.comment.contentText).toContain('Still broken at noon!');
});

test('malformed XML and a body over 10 MiB each record a plain error on their feed, and store no comment', async () => {
  site.serve('malformed', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Dana</title><description>half' });
  site.serve('huge', { body: commentFeed('Huge comments', [{ ...dana, html: `<p>${'spam '.repeat(2_300_000)}</p>` }]) });
  const start = await lastSeq();
  const [malformed, huge] = [await subscribe('malformed'), await subscribe('huge')];
  await Promise.all([fetchedNow(malformed), fetchedNow(huge)]);

  const [broken, big] = [await feedState(malformed), await feedState(huge)];
  expect(broken).toMatchObject({ error_count: 1, title: '' });
  expect(broken.error_message).toMatch(/could not be read|not a feed|XML/i);
  expect(big.error_message).toMatch(/larger than 10 MiB/);
  expect(await workspace.query('SELECT id FROM comments')).toEqual([]);
  const changes = await changesAfter(start);
  expect(changes.filter((change) => change.kind === 'comment')).toEqual([]);
  expect(changes.filter((change) => change.kind === 'feed' && change.body.feed.errorMessage).map((change) => change.body.feed.id).sort()).toEqual([malformed, huge]);
});

test('a comment with NUL characters (which PostgreSQL cannot hold) is stored without them, with the rest of its feed', async () => {
  site.serve('nul', { body: commentFeed('NUL\u0000 comments', [{ ...dana, author: 'Da\u0000na', html: '<p>Checkout\u0000 fails</p>' }, sam]) });
  const id = await subscribe('nul');
  await fetchedNow(id);

  expect(await feedState(id)).toMatchObject({ title: 'NUL comments', error_message: null });
  const stored = await workspace.query<{ author: string; content_html: string }>('SELECT author, content_html FROM comments ORDER BY id');
  expect(stored.map((row) => row.author)).toEqual(['Dana', 'Sam']);
  expect(stored[0]!.content_html).toBe('<p>Checkout fails</p>');
});

test('a batch the workspace refuses half-way is not written at all: the feed says why and backs off', async () => {
  // The workspace refuses the second comment (as it would a row it cannot hold).
  await workspace.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.guid = 'sam-1' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
  await workspace.query('CREATE TRIGGER refuse_poison BEFORE INSERT ON comments FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
  try {
    site.serve('poisoned', { body: commentFeed('Poisoned comments', [dana, sam]) });
    const start = await lastSeq();
    const id = await subscribe('poisoned');
    await fetchedNow(id);

    expect(await workspace.query('SELECT id FROM comments')).toEqual([]);
    const state = await feedState(id);
    expect(state).toMatchObject({ error_count: 1, title: '' });
    expect(state.error_message).toBe("storing this feed's comments failed (refused for the test); they are fetched again at the next try");
    const [next] = await workspace.query<{ next_fetch_at: number }>('SELECT next_fetch_at FROM feeds WHERE id = $1', [id]);
    expect(next!.next_fetch_at).toBeGreaterThan(clock);
    expect((await changesAfter(start)).map((change) => change.kind)).toEqual(['feed', 'feed']);
  } finally {
    await workspace.query('DROP TRIGGER refuse_poison ON comments');
  }
});

test('a blog\'s posts feed says plainly that the team follows comment feeds only, and stores no post as a comment', async () => {
  const posts = `<?xml version="1.0"?><rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Acme blog</title><link>https://blog.example/</link>` +
    `<item><title>Launch day</title><link>https://blog.example/launch</link><guid>https://blog.example/?p=1</guid><description>We launched.</description>` +
    `<wfw:commentRss>https://blog.example/launch/feed/</wfw:commentRss></item></channel></rss>`;
  site.serve('posts', { body: posts });
  const id = await subscribe('posts');
  await fetchedNow(id);

  expect(await workspace.query('SELECT id FROM comments')).toEqual([]);
  expect((await feedState(id)).error_message).toBe(
    "this is a blog's posts feed, not a comment feed: a team workspace does not follow each post's comments yet. Add the blog's comment feed instead (WordPress: /comments/feed/)",
  );
});

test('a feed removed while its fetch is under way gets nothing of that fetch', async () => {
  let answer!: () => void;
  site.serve('removed', { body: commentFeed('Removed comments', [dana, sam]), after: new Promise<void>((resolve) => (answer = resolve)) });
  const id = await subscribe('removed');
  await vi.waitFor(() => expect(site.requests('removed')).toBe(1), { timeout: 15_000 });
  await removeFeed(workspace.pool(), id, null, clock);
  const start = await lastSeq();
  answer();

  // Ticks run one after another, so once a feed added now is fetched, the tick fetching the removed one has ended.
  site.serve('next', { body: commentFeed('Next comments', [dana]) });
  await fetchedNow(await subscribe('next'));
  expect(await workspace.query('SELECT guid FROM comments WHERE feed_id = $1', [id])).toEqual([]);
  expect((await changesAfter(start)).filter((change) => change.body.comment?.feedId === id || change.body.feed?.id === id)).toEqual([]);
  expect(await feedState(id)).toMatchObject({ last_fetched_at: null, title: '' });
});

test('stopping the fetcher during a fetch cancels it: the fetcher stops at once and nothing of that fetch is recorded', async () => {
  site.serve('slow', { hang: true });
  const id = await subscribe('slow');
  await vi.waitFor(() => expect(site.requests('slow')).toBe(1), { timeout: 15_000 });

  await fetcher!.stop();
  fetcher = null;
  expect(await feedState(id)).toMatchObject({ last_fetched_at: null, error_message: null, error_count: 0 });
});

test('a comment snoozed until its author writes again is back in the Inbox when the author writes in that thread, for every desktop', async () => {
  site.serve('snooze', { body: commentFeed('Snooze thread', [dana, sam]) });
  const id = await subscribe('snooze');
  await fetchedNow(id);
  // A moderator snoozed Dana's comment until she writes again (as an applied decision leaves it).
  await workspace.query("UPDATE comments SET status = 'snoozed', snooze_until_reply = 1, version = 2 WHERE guid = 'dana-1'");
  const start = await lastSeq();
  const danaAgain: Comment = { guid: 'dana-2', author: 'Dana', html: '<p>Any news? It still fails.</p>' };
  site.serve('snooze', { body: commentFeed('Snooze thread', [dana, sam, danaAgain]) });
  await fetchAgain(id);

  const [woken] = await workspace.query<{ status: string; back_from_snooze: number; snooze_until_reply: number; version: number }>(
    "SELECT status, back_from_snooze, snooze_until_reply, version FROM comments WHERE guid = 'dana-1'",
  );
  expect(woken).toEqual({ status: 'new', back_from_snooze: 1, snooze_until_reply: 0, version: 3 });
  const changes = await changesAfter(start);
  expect(changes.map((change) => change.kind)).toEqual(['comment', 'state']);
  expect(changes[1]!.body).toMatchObject({ version: 3, state: { status: 'new', back_from_snooze: 1, snooze_until_reply: 0 } });
});
