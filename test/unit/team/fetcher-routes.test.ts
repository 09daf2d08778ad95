// The feeds over the wire: every moderator lists them with their health, owners add and remove
// them, and anything else is refused with nothing changed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChangesAnswer, FeedAddAnswer, FeedRemoveAnswer, FeedsAnswer, TeamErrorBody } from '../../../common/team-wire';
import { startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';

let server: TestTeamServer;
beforeAll(async () => {
  server = await startTestTeamServer({ label: 'fetcher_routes', owner: 'Olga', moderators: ['Sam'] });
});
afterAll(async () => server.stop());

const as = (name: string) => server.tokens[name]!;
const feedsNow = async () => (await teamCall<FeedsAnswer>(server.url, as('Sam'), 'GET', '/feeds')).body.feeds;

test('an owner adds a feed: every moderator sees it listed, and desktops get a feed change saying who added it', async () => {
  const head = (await teamCall<ChangesAnswer>(server.url, as('Sam'), 'GET', '/changes?since=0')).body.head;
  const added = await teamCall<FeedAddAnswer>(server.url, as('Olga'), 'POST', '/feeds', { url: 'https://forum.example/posts.rss', title: 'Forum', intervalMinutes: 30 });
  expect(added.status).toBe(200);
  expect(added.body).toMatchObject({ added: true, feed: { url: 'https://forum.example/posts.rss', title: 'Forum', intervalMinutes: 30, removed: false, errorMessage: null } });
  expect(await feedsNow()).toMatchObject([{ id: added.body.feed.id, title: 'Forum' }]);

  const changes = (await teamCall<ChangesAnswer>(server.url, as('Sam'), 'GET', `/changes?since=${head}`)).body.changes;
  expect(changes).toMatchObject([{ kind: 'feed', by: 'Olga', feed: { id: added.body.feed.id, title: 'Forum', removed: false } }]);

  const again = await teamCall<FeedAddAnswer>(server.url, as('Olga'), 'POST', '/feeds', { url: 'https://forum.example/posts.rss' });
  expect(again.body).toMatchObject({ added: false, feed: { id: added.body.feed.id, title: 'Forum' } });
});

test('a moderator may list the feeds but not add or remove one', async () => {
  const before = await feedsNow();
  const add = await teamCall<TeamErrorBody>(server.url, as('Sam'), 'POST', '/feeds', { url: 'https://blog.example/comments/feed/' });
  expect(add).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('only an owner') } } });
  const remove = await teamCall<TeamErrorBody>(server.url, as('Sam'), 'DELETE', `/feeds?id=${before[0]!.id}`);
  expect(remove.status).toBe(403);
  expect(await feedsNow()).toEqual(before);
});

test('an address that is not http(s), or a request with fields the wire does not know, is refused in plain words with nothing added', async () => {
  const before = await feedsNow();
  const ftp = await teamCall<TeamErrorBody>(server.url, as('Olga'), 'POST', '/feeds', { url: 'ftp://files.example/feed.xml' });
  expect(ftp).toMatchObject({ status: 400, body: { error: { code: 'invalid-input', message: expect.stringContaining('must be a whole http:// or https:// address') } } });
  const extra = await teamCall<TeamErrorBody>(server.url, as('Olga'), 'POST', '/feeds', { url: 'https://blog.example/feed/', allowLocal: true });
  expect(extra.status).toBe(400);
  const interval = await teamCall<TeamErrorBody>(server.url, as('Olga'), 'POST', '/feeds', { url: 'https://blog.example/feed/', intervalMinutes: -5 });
  expect(interval).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('intervalMinutes') } } });
  expect(await feedsNow()).toEqual(before);
});

test('an owner removes a feed: it leaves the list, desktops are told, and removing it again says there is none', async () => {
  const { body } = await teamCall<FeedAddAnswer>(server.url, as('Olga'), 'POST', '/feeds', { url: 'https://old.example/comments/feed/' });
  const removed = await teamCall<FeedRemoveAnswer>(server.url, as('Olga'), 'DELETE', `/feeds?id=${body.feed.id}`);
  expect(removed).toMatchObject({ status: 200, body: { removed: { id: body.feed.id, removed: true } } });
  expect((await feedsNow()).map((feed) => feed.id)).not.toContain(body.feed.id);
  const changes = (await teamCall<ChangesAnswer>(server.url, as('Sam'), 'GET', '/changes?since=0')).body.changes;
  expect(changes.at(-1)).toMatchObject({ kind: 'feed', by: 'Olga', feed: { id: body.feed.id, removed: true } });

  const twice = await teamCall<TeamErrorBody>(server.url, as('Olga'), 'DELETE', `/feeds?id=${body.feed.id}`);
  expect(twice).toMatchObject({ status: 404, body: { error: { code: 'not-found', message: expect.stringContaining(`there is no feed ${body.feed.id}`) } } });
  const nonsense = await teamCall<TeamErrorBody>(server.url, as('Olga'), 'DELETE', '/feeds?id=first');
  expect(nonsense.status).toBe(400);
});
