// The feed commands of the real `switchboard` binary (bundle, worker thread and all) against the
// fixture server. Runs the CLI asynchronously: the fixture server lives in this process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeBindingForThisProcess } from '../../../db/native';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { tempDir } from '../../support/temp';

let server: FixtureServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
}, 120_000);
afterAll(() => server.close());

/** C0 and C1 controls (and DEL) a terminal acts on; tab and line feed are text. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function switchboard(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('switchboard feed commands', () => {
  it('subscribe picks the best comment feed of a page and lists the others on stderr', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const run = await switchboard(db, '--json', 'subscribe', '--allow-local', server.url('/pages/wordpress-home.html'));
    expect(run.code).toBe(0);
    const feed = JSON.parse(run.stdout);
    expect(feed).toMatchObject({ id: 1, url: server.url('/feeds/wordpress-comments.xml'), itemCount: 5, status: 'active', lastError: null });
    expect(run.stderr).toBe(`switchboard: The page also offers ${server.url('/feeds/wordpress-posts.xml')} (Hostwise Blog » Feed).\n`);
  });

  it('feeds, fetch and items speak the documented JSON, and fetch exits 0 when a feed fails', async () => {
    const db = path.join(tempDir(), 'cli.db');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/rss10-rdf.xml'));
    server.setRoute('/feeds/breaks.xml', 'wordpress-comments.xml');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/breaks.xml'));
    server.setRoute('/feeds/breaks.xml', null);

    const fetched = await switchboard(db, '--json', 'fetch', '--all');
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.stdout)).toEqual([
      { feedId: 1, status: 'not-modified', newItems: 0, error: null },
      { feedId: 2, status: 'not-modified', newItems: 0, error: null },
      { feedId: 3, status: 'error', newItems: 0, error: { category: 'http-status', message: expect.stringContaining('404') } },
    ]);

    const feeds = JSON.parse((await switchboard(db, '--json', 'feeds')).stdout);
    expect(feeds).toHaveLength(3);
    for (const feed of feeds) expect(Object.keys(feed)).toEqual(expect.arrayContaining(['id', 'url', 'title', 'status', 'lastError', 'lastFetchedAt', 'itemCount']));
    expect(feeds.find((feed: { id: number }) => feed.id === 3).lastError.category).toBe('http-status');

    const items = JSON.parse((await switchboard(db, '--json', 'items', '--feed', '1', '--limit', '2')).stdout);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(['id', 'feedId', 'guid', 'url', 'threadUrl', 'threadTitle', 'author', 'publishedAt', 'contentHtml', 'contentText', 'status', 'route']),
      );
      expect(item.feedId).toBe(1);
    }
    const text = await switchboard(db, 'items', '--status', 'new', '--search', 'Santos');
    expect(text.stdout).toMatch(/^ID\s+PUBLISHED\s+STATUS\s+SUGGESTED\s+AUTHOR\s+EXCERPT\n\d+\s.+Miguel Santos/);
  });

  it('stores no terminal control characters from a feed, and prints none', async () => {
    const db = path.join(tempDir(), 'cli.db');
    expect((await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/control-chars.xml'))).code).toBe(0);
    const items = JSON.parse((await switchboard(db, '--json', 'items')).stdout) as { author: string; threadTitle: string; contentText: string; contentHtml: string }[];
    expect(items.map((item) => item.author)).toEqual(['Mallory]0;pwned', 'Eve2J']);
    for (const item of items) {
      for (const text of [item.author, item.threadTitle, item.contentText]) expect(text).not.toMatch(CONTROL);
    }
    expect(items[0]?.contentText).toBe('Window title ]0;pwned then 2J clear, a ]8;;https://evil.example/\\link]8;;\\ and [31mred[0m.\n\nTab kept.');
    expect(items[1]?.contentText).toBe('line one2J\nline [1Atwo');
    const feeds = JSON.parse((await switchboard(db, '--json', 'feeds')).stdout) as { title: string }[];
    expect(feeds[0]?.title).toBe('Comments on: Terminal tricks ]0;pwned');
    for (const args of [['items'], ['feeds'], ['fetch', '--all']]) {
      const run = await switchboard(db, ...args);
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(CONTROL);
    }
  });

  it('strips control characters from every human-readable line, and keeps --json exact', async () => {
    const db = path.join(tempDir(), 'seeded.db');
    expect((await switchboard(db, 'feeds')).code).toBe(0); // creates the schema
    const raw = new Database(db, { nativeBinding: nativeBindingForThisProcess() });
    const hostile = 'Hello \u001b]0;pwned\u0007 and \u009b2J\tthere\r\u007f';
    const feedId = Number(raw.prepare("INSERT INTO feeds (url, title, created_at) VALUES ('https://blog.example.com/feed/', ?, 0)").run('Blog \u001b[2J').lastInsertRowid);
    raw
      .prepare(
        `INSERT INTO items (feed_id, guid, author, published_at, content_html, content_text, status, fetched_at, updated_at)
         VALUES (?, 'g1', ?, ?, '<p>x</p>', ?, 'new', 0, 0)`,
      )
      .run(feedId, 'Mal\u001b]8;;https://evil.example/\u001b\\lory', Date.UTC(2026, 10, 25), hostile);
    raw.close();

    const json = JSON.parse((await switchboard(db, '--json', 'items')).stdout) as { author: string; contentText: string }[];
    expect(json[0]).toMatchObject({ author: 'Mal\u001b]8;;https://evil.example/\u001b\\lory', contentText: hostile });
    expect(JSON.parse((await switchboard(db, '--json', 'feeds')).stdout)[0].title).toBe('Blog \u001b[2J');

    const text = await switchboard(db, 'items');
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(CONTROL);
    expect(text.stdout).toContain('Mal]8;;https://evil.example/\\lory');
    expect(text.stdout).toContain('Hello ]0;pwned and 2J there');
    const feeds = await switchboard(db, 'feeds');
    expect(feeds.stdout).not.toMatch(CONTROL);
    expect(feeds.stdout).toContain('Blog [2J');
  });

  it('exports OPML atomically and imports it into another database', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'first.db');
    await switchboard(first, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    const out = path.join(dir, 'subscriptions.opml');
    const exported = await switchboard(first, 'opml', 'export', '--out', out);
    expect(exported.stdout).toBe(`Wrote 1 feed to ${out}.\n`);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = path.join(dir, 'second.db');
    const imported = await switchboard(second, '--json', 'opml', 'import', '--allow-local', out);
    expect(JSON.parse(imported.stdout)).toEqual({ added: 1, alreadySubscribed: 0, skipped: [] });
    const missing = await switchboard(second, 'opml', 'import', path.join(dir, 'nope.opml'));
    expect(missing).toMatchObject({ code: 1, stderr: `switchboard: Cannot read ${path.join(dir, 'nope.opml')}: there is no such file. Check the path.\n` });
  });

  it('opml import says how many outlines past the first 10,000 it left out', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.opml');
    const outlines = Array.from({ length: 10_005 }, (_, i) => `<outline type="rss" text="Blog ${i}" xmlUrl="https://blog${i}.example/feed/"/>`);
    fs.writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><head><title>Big</title></head><body>${outlines.join('\n')}</body></opml>`);
    const text = await switchboard(path.join(dir, 'text.db'), 'opml', 'import', file);
    expect(text).toMatchObject({ code: 0, stderr: 'switchboard: Left out 5 outlines after the first 10,000: an import reads at most 10,000; import the rest from a second file.\n' });
    expect(text.stdout).toBe('Imported 10,000 feeds (0 already subscribed, 0 skipped, 5 left out past the first 10,000). Fetch them with: switchboard fetch\n');
    const json = await switchboard(path.join(dir, 'json.db'), '--json', 'opml', 'import', file);
    expect(JSON.parse(json.stdout)).toEqual({ added: 10_000, alreadySubscribed: 0, skipped: [], leftOut: 5 });
  }, 60_000);

  it('unsubscribe keeps comments unless told, and demo loads the samples', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const demo = await switchboard(db, 'demo');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/4 feeds fetched, \d+ new comments\./);
    const kept = await switchboard(db, 'unsubscribe', '1');
    expect(kept.stdout).toMatch(/^Unsubscribed from feed 1; kept \d+ comments\.\n$/);
    const gone = await switchboard(db, 'unsubscribe', '2', '--delete-items');
    expect(gone.stdout).toMatch(/^Unsubscribed from feed 2; deleted \d+ comments\.\n$/);
    const missing = await switchboard(db, 'unsubscribe', '99');
    expect(missing).toMatchObject({ code: 1, stderr: 'switchboard: There is no feed with id 99; "switchboard feeds" lists them.\n' });
  });

  it('asks for --allow-local before subscribing to or importing a feed on this computer or the local network', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    const url = server.url('/feeds/atom10.xml');
    const refused = await switchboard(db, 'subscribe', url);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      `switchboard: ${url} is on your own computer or local network (127.0.0.1); subscribe to it only if you trust it, and confirm: answer yes in the subscribe dialog, or add --allow-local to switchboard subscribe.\n`,
    );
    const file = path.join(dir, 'local.opml');
    fs.writeFileSync(file, '<opml version="2.0"><body><outline text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data/"/></body></opml>');
    const imported = await switchboard(db, 'opml', 'import', file);
    expect(imported).toMatchObject({
      code: 0,
      stdout: 'Imported 0 feeds (0 already subscribed, 0 skipped, 1 on your own computer or local network left out). Fetch them with: switchboard fetch\n',
      stderr: 'switchboard: Left out http://169.254.169.254/latest/meta-data/: it is on your own computer or local network (169.254.169.254); import again with --allow-local if you trust it.\n',
    });
    expect(JSON.parse((await switchboard(db, '--json', 'feeds')).stdout)).toEqual([]);
  });

  it('explains a URL that cannot be subscribed to, in one line', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const run = await switchboard(db, 'subscribe', '--allow-local', server.url('/pages/no-feed.html'));
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('switchboard: This page links no RSS or Atom feed; paste the address of its comment feed instead.\n');
  });
});

describe('switchboard triage commands', () => {
  it('route, snooze, done and undo, with the items fields they change', async () => {
    const db = path.join(tempDir(), 'cli.db');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    const ids = JSON.parse((await switchboard(db, '--json', 'items')).stdout).map((item: { id: number }) => item.id) as number[];

    expect((await switchboard(db, 'route', String(ids[0]), 'service')).stdout).toBe(`Comment ${ids[0]} routed to customer service. Undo with: switchboard undo\n`);
    expect((await switchboard(db, 'snooze', String(ids[1]), '--until', '2099-01-01T09:00:00Z')).code).toBe(0);
    expect((await switchboard(db, 'snooze', String(ids[2]), '--until-reply')).code).toBe(0);
    expect((await switchboard(db, 'done', String(ids[3]))).code).toBe(0);

    const snoozed = JSON.parse((await switchboard(db, '--json', 'items', '--status', 'snoozed')).stdout);
    expect(snoozed.map((item: { id: number }) => item.id).sort()).toEqual([ids[1], ids[2]].sort());
    const first = JSON.parse((await switchboard(db, '--json', 'items', '--route', 'service')).stdout)[0];
    expect(first).toMatchObject({ id: ids[0], status: 'routed', route: 'service', note: null, snoozedUntil: null });
    expect(Date.parse(first.routedAt)).not.toBeNaN();
    expect(snoozed.find((item: { id: number }) => item.id === ids[1]).snoozedUntil).toBe('2099-01-01T09:00:00.000Z');

    expect((await switchboard(db, 'undo')).stdout).toBe(`Undid done of comment ${ids[3]}.\n`);
    expect((await switchboard(db, 'undo')).stdout).toBe(`Undid snooze of comment ${ids[2]}.\n`);
    expect(JSON.parse((await switchboard(db, '--json', 'items', '--status', 'new')).stdout)).toHaveLength(2);
  });

  it('items --status takes every word the STATUS column prints (issue 13: the CLI agrees with the console)', async () => {
    const db = path.join(tempDir(), 'cli.db');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    const ids = (JSON.parse((await switchboard(db, '--json', 'items')).stdout) as { id: number }[]).map((item) => item.id);
    await switchboard(db, 'route', String(ids[0]), 'service');
    await switchboard(db, 'route', String(ids[1]), 'ignore');
    await switchboard(db, 'done', String(ids[2]));
    const printed = (await switchboard(db, 'items')).stdout.split('\n').slice(1).filter(Boolean);
    const statusOf = (id: number) => printed.find((line) => line.startsWith(`${id} `))!.split(/\s{2,}/)[2];
    expect(ids.map(statusOf)).toEqual(['service', 'ignore', 'done', 'new']);
    for (const [index, word] of ['service', 'ignore', 'done', 'new'].entries()) {
      const listed = await switchboard(db, '--json', 'items', '--status', word);
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { id: number }[]).map((item) => item.id), word).toEqual([ids[index]]);
    }
    expect(await switchboard(db, 'items', '--status', 'trash')).toMatchObject({
      code: 1,
      stderr: 'switchboard: --status must be new, service, spotlight, ignore, routed, snoozed or done, not "trash".\n',
    });
  });

  it('opml import says what it skipped and why, and which folders it did not keep (issue 13)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'reader.opml');
    fs.writeFileSync(
      file,
      `<opml version="2.0"><body><outline text="Support"><outline text="Status" xmlUrl="https://status.example/feed/"/></outline><outline text="Bad" xmlUrl="ftp://files.example/feed"/></body></opml>`,
    );
    expect(await switchboard(path.join(dir, 'cli.db'), 'opml', 'import', file)).toMatchObject({
      code: 0,
      stdout: 'Imported 1 feed (0 already subscribed, 1 skipped). Fetch them with: switchboard fetch\n',
      stderr: 'switchboard: Skipped ftp://files.example/feed: only http and https feeds can be fetched, not ftp.\nswitchboard: Folders not kept: “Support”. Switchboard has no folders, so their feeds came in without them.\n',
    });
  });

  it('explains bad triage arguments in one line', async () => {
    const db = path.join(tempDir(), 'cli.db');
    expect(await switchboard(db, 'route', '1', 'trash')).toMatchObject({ code: 1, stderr: 'switchboard: Route must be service, spotlight or ignore, not "trash".\n' });
    expect(await switchboard(db, 'snooze', '1')).toMatchObject({ code: 1, stderr: 'switchboard: Give either --until (later-today, tomorrow, next-week or a time) or --until-reply.\n' });
    expect(await switchboard(db, 'done', '42')).toMatchObject({ code: 1, stderr: 'switchboard: There is no comment with id 42; it may have been deleted with its feed.\n' });
  });

  it('reads ids as decimal digits only: no hex, exponent, sign, fraction, spaces or unsafe sizes', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const refused = ['0x10', '1e1', '+3', '1.0', ' 7', '7 ', '0b1', '', '9007199254740993'];
    // Created once first: several first runs at once on a new file race to migrate it.
    expect((await switchboard(db, 'feeds')).code).toBe(0);
    const runs = await Promise.all(refused.map((id) => switchboard(db, 'route', id, 'service')));
    runs.forEach((run, index) => expect(run, refused[index]).toMatchObject({ code: 1, stdout: '', stderr: `switchboard: item-id must be a positive whole number, not "${refused[index]}".\n` }));
    expect(await switchboard(db, 'fetch', '--feed', '0x2')).toMatchObject({ code: 1, stderr: 'switchboard: --feed must be a positive whole number, not "0x2".\n' });
    // Leading zeros are still decimal: 010 is comment 10, never 8.
    expect(await switchboard(db, 'done', '010')).toMatchObject({ code: 1, stderr: 'switchboard: There is no comment with id 10; it may have been deleted with its feed.\n' });
  });
});

describe('switchboard service-desk commands', () => {
  it('adds a saved reply, drafts from it with a variable, and exports CSV to stdout and to a file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    const [first] = JSON.parse((await switchboard(db, '--json', 'items', '--limit', '1')).stdout) as { id: number; author: string }[];
    await switchboard(db, 'route', String(first!.id), 'service');

    const bad = await switchboard(db, 'template', 'add', 'Oops', '--lane', 'service', '--text', 'Hi {{name}}');
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stderr).toMatch(/^switchboard: \{\{name\}\} is not a placeholder Switchboard knows/);
    expect((await switchboard(db, 'template', 'add', 'Ticket', '--lane', 'service', '--text', 'Hi {{author}}, ticket {{ticket}} is open.', '--declare', 'ticket')).code).toBe(0);
    expect((await switchboard(db, '--json', 'templates')).stdout).toContain('"name": "Ticket"');

    const missing = await switchboard(db, 'draft', String(first!.id), '--template', 'Ticket');
    expect(missing.stderr).toBe('switchboard: "Ticket" needs --var ticket=...\n');
    const drafted = await switchboard(db, 'draft', String(first!.id), '--template', 'ticket', '--var', 'ticket=#4821', '--ready');
    expect(drafted.stdout).toContain(`Hi ${first!.author}, ticket #4821 is open.`);

    // CSV starts with the UTF-8 mark spreadsheets read the encoding from, unless --no-bom (issue 13).
    const csv = await switchboard(db, 'export', 'drafts', '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFcommentUrl,thread,threadUrl,author,comment,reply,templates,incident,createdAt,updatedAt');
    const unmarked = await switchboard(db, 'export', 'drafts', '--format', 'csv', '--status', 'all', '--no-bom');
    expect(unmarked.stdout.split('\r\n')[0]).toBe('commentUrl,thread,threadUrl,author,comment,reply,templates,incident,createdAt,updatedAt');
    expect(csv.stdout).toContain('ticket #4821 is open.');
    const again = await switchboard(db, 'export', 'drafts', '--format', 'json', '--status', 'all', '--out', path.join(dir, 'replies.json'));
    expect(again.stdout).toBe(`Wrote 1 reply to ${path.join(dir, 'replies.json')}.\n`);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'replies.json'), 'utf8'))[0].templates).toBe('Ticket');
    expect(await switchboard(db, 'export', 'drafts', '--format', 'csv')).toMatchObject({ code: 1, stderr: 'switchboard: No reply is marked ready yet.\n' });
  });
});

describe('switchboard spotlight commands', () => {
  it('features and thanks, lists members, merges them, exports a digest and prints stats', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    const items = JSON.parse((await switchboard(db, '--json', 'items')).stdout) as { id: number; author: string }[];
    expect((await switchboard(db, 'spotlight', String(items[0]!.id), '--action', 'feature', '--note', 'Clear and kind')).stdout).toBe(`Comment ${items[0]!.id}: feature recorded.\n`);
    expect((await switchboard(db, 'spotlight', String(items[1]!.id), '--action', 'thank')).stdout).toContain('a draft is waiting in the spotlight lane');
    expect(await switchboard(db, 'spotlight', String(items[1]!.id), '--action', 'answer')).toMatchObject({ code: 1 });

    const members = JSON.parse((await switchboard(db, '--json', 'members')).stdout) as { id: number; name: string; stats: { featured: number } }[];
    expect(members).toHaveLength(4);
    expect(members.find((member) => member.name === items[0]!.author)?.stats.featured).toBe(1);
    const merged = JSON.parse((await switchboard(db, '--json', 'member', 'merge', String(members[0]!.id), String(members[1]!.id))).stdout);
    expect(merged.aliases).toHaveLength(2);
    expect((await switchboard(db, 'member', 'note', String(members[0]!.id), 'Moderator material')).stdout).toContain('Note saved on');

    const atom = await switchboard(db, 'export', 'digest', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'atom');
    expect(atom.stdout).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom.stdout).toContain('Clear and kind');
    const stats = JSON.parse((await switchboard(db, '--json', 'stats', '--from', '2026-11-01', '--to', '2026-11-30')).stdout);
    expect(stats.weeks.length).toBeGreaterThanOrEqual(4);
    expect(stats).toHaveProperty('medianServiceWaitHours');
  });

  it('declares saved replies by kind, and thanks and invites from the one of that kind (issue 13, bug 6)', async () => {
    const db = path.join(tempDir(), 'cli.db');
    await switchboard(db, 'subscribe', '--allow-local', server.url('/feeds/atom10.xml'));
    const [item] = JSON.parse((await switchboard(db, '--json', 'items', '--limit', '1')).stdout) as { id: number; author: string }[];
    expect((await switchboard(db, 'template', 'add', 'Aboard?', '--lane', 'spotlight', '--text', 'Hi {{author}}, volunteer with us?', '--kind', 'invite-volunteer')).stdout).toBe(
      'Saved reply "Aboard?" (spotlight, invite-volunteer) added.\n',
    );
    await switchboard(db, 'template', 'add', 'Thanks', '--lane', 'spotlight', '--text', 'Thank you, {{author}}!', '--kind', 'thank-you');
    expect(await switchboard(db, 'template', 'add', 'Odd', '--lane', 'spotlight', '--text', 'x', '--kind', 'thanks')).toMatchObject({
      code: 1,
      stderr: 'switchboard: --kind must be thank-you, invite-guest-post, invite-volunteer or invite-moderator, not "thanks".\n',
    });
    expect((await switchboard(db, 'templates')).stdout).toMatch(/Thanks\s+spotlight\s+thank-you\s+Thank you, \{\{author\}\}!/);

    const draft = async () => (JSON.parse((await switchboard(db, '--json', 'api', 'item-get', JSON.stringify({ id: item!.id }))).stdout) as { draft: { body: string } }).draft.body;
    await switchboard(db, 'spotlight', String(item!.id), '--action', 'thank');
    expect(await draft()).toBe(`Thank you, ${item!.author}!`);
    await switchboard(db, 'api', 'draft-save', JSON.stringify({ itemId: item!.id, body: '' }));
    await switchboard(db, 'spotlight', String(item!.id), '--action', 'invite', '--invite', 'volunteer');
    expect(await draft()).toBe(`Hi ${item!.author}, volunteer with us?`);
  });
});
