// SIGKILL at random moments (issue 11, "Kill tests in CI"): a real `switchboard serve` on a temp
// database fetches feeds from a local server while a moderator routes comments and types drafts
// through its HTTP bridge, and a CLI `route` runs beside it; then every process is killed
// outright. After each kill the database is reopened and must be intact, every feed's batch of
// comments must be stored whole with its fetch record or not at all, and every decision and
// draft acknowledged before the kill (HTTP 200, CLI exit 0) must be there. The moments and the
// choices come from a seeded generator: a failure names the seed, and KILL_SEED=<seed> replays it.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { commentGuid, startCommentFeedServer, type CommentFeedServer } from '../../server/comment-feeds';
import { ensureBuilt } from '../../support/built-cli';
import { spawnSwitchboard, startConsole, type ConsoleProcess } from '../../support/console-process';
import { tempDir } from '../../support/temp';
import { seededRandom } from '../../support/seeded-random';

const SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 20;
const FEEDS = 10;
const ROUTES = ['service', 'spotlight', 'ignore'] as const;

const random = seededRandom(SEED);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/**
 * What the moderator asked for, per item: the value last acknowledged and every value sent after
 * it. A write in flight at the kill may or may not have landed, so after reopening the stored
 * value must be the acknowledged one or one sent later; nothing older, nothing else.
 */
class Acknowledged<V> {
  private readonly items = new Map<number, { acked: V | undefined; later: V[] }>();
  /** Acknowledgements received, to show the test had writes to check. */
  count = 0;

  sent(id: number, value: V): void {
    const entry = this.items.get(id) ?? { acked: undefined, later: [] };
    entry.later.push(value);
    this.items.set(id, entry);
  }

  acked(id: number, value: V): void {
    const entry = this.items.get(id)!;
    entry.later = entry.later.slice(entry.later.lastIndexOf(value) + 1);
    entry.acked = value;
    this.count += 1;
  }

  /** Items whose stored value is neither the acknowledged one nor sent after it. */
  lost(stored: (id: number) => V | undefined): string[] {
    return [...this.items].flatMap(([id, { acked, later }]) => {
      if (acked === undefined) return [];
      const value = stored(id);
      return value === acked || later.includes(value as V) ? [] : [`item ${id}: acknowledged ${JSON.stringify(acked)}, found ${JSON.stringify(value)}`];
    });
  }
}

const children = new Set<ChildProcess>();

function spawnTracked(args: string[]): ChildProcess {
  const child = spawnSwitchboard(args);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killAll(): Promise<void> {
  const exits = [...children].map((child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()))));
  for (const child of children) child.kill('SIGKILL');
  return Promise.all(exits).then(() => undefined);
}

let feeds: CommentFeedServer;
const feedComments = Array.from({ length: FEEDS }, () => between(20, 50));
beforeAll(async () => {
  ensureBuilt();
  feeds = await startCommentFeedServer({ comments: (feed) => feedComments[feed]! });
}, 120_000);
afterAll(async () => {
  await killAll();
  await feeds?.close();
});

/** Types a reply into a draft one character at a time, each keystroke saved, as the composer does. */
async function typeDraft(served: ConsoleProcess, drafts: Acknowledged<string>, itemId: number, stop: () => boolean): Promise<void> {
  const text = `Sorry about that, we are on it (${between(1000, 9999)}).`;
  for (let length = 1; length <= text.length && !stop(); length += 1) {
    const body = text.slice(0, length);
    drafts.sent(itemId, body);
    await served.call('draft-save', { itemId, body });
    drafts.acked(itemId, body);
  }
}

async function routeSome(served: ConsoleProcess, routes: Acknowledged<string>, ids: number[], stop: () => boolean): Promise<void> {
  while (!stop()) {
    const id = pick(ids);
    const route = pick(ROUTES);
    routes.sent(id, route);
    await served.call('items-route', { ids: [id], route });
    routes.acked(id, route);
  }
}

/** `switchboard route` in its own process beside the console; exit 0 is its acknowledgement. */
async function routeFromCli(db: string, routes: Acknowledged<string>, id: number): Promise<void> {
  const route = pick(ROUTES);
  routes.sent(id, route);
  const child = spawnTracked(['route', String(id), route, '--db', db]);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code === 0) routes.acked(id, route);
}

/** How many feeds have stored this batch. */
function feedsAtBatch(file: string, batch: number): number {
  const db = openDatabase(file);
  try {
    return db.prepare('SELECT COUNT(*) FROM feeds WHERE etag = ?').pluck().get(`"b${batch}"`) as number;
  } finally {
    db.close();
  }
}

/** What a reopened database holds that the moderator or a fetch could have lost. */
function inspect(file: string, routes: Acknowledged<string>, drafts: Acknowledged<string>): string[] {
  const db = openDatabase(file);
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    // Each feed: every batch stored is whole, and the newest one is the one its fetch record names.
    const guids = db.prepare('SELECT guid FROM items WHERE feed_id = ?').pluck();
    for (const feed of db.prepare('SELECT id, url, etag FROM feeds').all() as { id: number; url: string; etag: string | null }[]) {
      const number = Number(/\/feeds\/(\d+)\.xml$/.exec(feed.url)![1]);
      const batches = new Map<number, number>();
      for (const guid of guids.all(feed.id) as string[]) {
        const batch = Number(/-b(\d+)-/.exec(guid)![1]);
        batches.set(batch, (batches.get(batch) ?? 0) + 1);
      }
      for (const [batch, count] of batches) {
        if (count !== feedComments[number]) problems.push(`feed ${number}: batch ${batch} has ${count} of its ${feedComments[number]} comments`);
      }
      const newest = batches.size ? Math.max(...batches.keys()) : null;
      const recorded = feed.etag === null ? null : Number(feed.etag.replace(/\D/g, ''));
      if (newest !== recorded) problems.push(`feed ${number}: newest batch stored ${newest}, fetch record says ${feed.etag}`);
    }
    const route = db.prepare('SELECT route FROM items WHERE id = ?').pluck();
    const draft = db.prepare('SELECT body FROM drafts WHERE item_id = ?').pluck();
    problems.push(...routes.lost((id) => (route.get(id) as string | null) ?? undefined).map((lost) => `route lost, ${lost}`));
    problems.push(...drafts.lost((id) => draft.get(id) as string | undefined).map((lost) => `draft lost, ${lost}`));
    return problems;
  } finally {
    db.close();
  }
}

it(`keeps the database whole and every acknowledged write through ${KILLS} SIGKILLs`, async () => {
  const replay = `replay with KILL_SEED=${SEED}`;
  const file = path.join(tempDir(), 'killed.db');
  const routes = new Acknowledged<string>();
  const drafts = new Acknowledged<string>();

  // The subscriptions and a first batch of comments to work on, without a kill.
  const first = await startConsole(file, spawnTracked);
  const opml = Array.from({ length: FEEDS }, (_, feed) => `<outline text="Site ${feed}" xmlUrl="${feeds.url(feed)}"/>`).join('');
  await first.call('opml-import', { opml: `<opml version="2.0"><body>${opml}</body></opml>`, allowLocal: true });
  await first.call('feeds-fetch', { all: true });
  const ids = ((await first.call('items-query', { limit: 1000 })) as { id: number }[]).map((item) => item.id);
  // The console and the CLI route different comments: two processes' commit order is not their answers' order.
  const byConsole = ids.filter((_, n) => n % 2 === 0);
  const byCli = ids.filter((_, n) => n % 2 === 1);
  await killAll();

  let cutRuns = 0;
  for (let kill = 1; kill <= KILLS; kill += 1) {
    feeds.nextBatch();
    const served = await startConsole(file, spawnTracked);
    let killed = false;
    const stop = () => killed;
    // Failed calls are the ones the kill cut off: unacknowledged, so nothing is owed for them.
    const work = [
      served.call('feeds-fetch', { all: true }),
      routeSome(served, routes, byConsole, stop),
      typeDraft(served, drafts, pick(ids), stop),
      routeFromCli(file, routes, pick(byCli)),
    ].map((job) => job.catch(() => undefined));
    // The kill lands while comments are being stored: some time after the feeds are first asked for.
    const asked = feeds.requests();
    for (let waited = 0; feeds.requests() === asked && waited < 5000; waited += 10) await sleep(10);
    await sleep(between(0, 400));
    killed = true;
    await killAll();
    await Promise.all(work);
    expect(inspect(file, routes, drafts), `after kill ${kill}; ${replay}`).toEqual([]);
    if (feedsAtBatch(file, kill) % FEEDS !== 0) cutRuns += 1;
  }
  // The checks had something to check: batches stored between kills, writes acknowledged.
  const db = openDatabase(file);
  const stored = db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
  db.close();
  process.stdout.write(`kill test (KILL_SEED=${SEED}): ${stored - ids.length} comments stored after the first fetch; ${cutRuns} of ${KILLS} kills cut a fetch run half-way; ${routes.count} routings and ${drafts.count} draft saves acknowledged\n`);
  expect(stored, replay).toBeGreaterThan(ids.length);
  expect(routes.count, replay).toBeGreaterThan(0);
  expect(drafts.count, replay).toBeGreaterThan(0);
}, 120_000);
