// The keys through `switchboard serve`'s HTTP bridge on a copy of the 1M database: each key on its
// own (key-figures.ts), then a routing key's round trip (1) while a fetch run of 500 local feeds
// (50 hosts, 10 feeds each, 20 to 50 new comments a feed) stores comments, and (2) while another
// window searches a common word, best match first, over and over (the slowest read the console
// offers). Goal: p95 at most 50 ms in both.
import { openDatabase } from '../db/connection';
import { startCommentFeedServer, type CommentFeedServer } from '../test/server/comment-feeds';
import { startConsole, type ConsoleProcess } from '../test/support/console-process';
import { WORDS } from './big-db';
import { line, timeGoal, timingOf, type Goal } from './figures';
import { keyFigures } from './key-figures';
import { backupNamed, inboxScored } from './launch-work';
import path from 'node:path';

const HOSTS = 50;
const FEEDS_PER_HOST = 10;
/** How long each host takes to answer, as a remote site would. */
const DELAY_MS = 20;
/** The moderator's pause between two routing keys. */
const THINK_MS = 30;
const ROUTES = ['service', 'spotlight', 'ignore'] as const;
/** How long the launch's full check and daily backup may take before the figures start anyway. */
const LAUNCH_WORK_MS = 240_000;

/** Some 3,000 of the Inbox's comments, for the moderator to route one by one. */
async function inboxIds(app: ConsoleProcess): Promise<number[]> {
  const ids: number[] = [];
  let cursor: unknown = null;
  do {
    const page = (await app.call('items-list', { view: 'inbox', limit: 500, ...(cursor ? { cursor } : {}) })) as { items: { id: number }[]; nextCursor: unknown };
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < 3_000);
  return ids;
}

/** Routes Inbox comments one at a time until `stopped`, timing each round trip; undoes nothing (the copy is thrown away). */
async function routeUntil(app: ConsoleProcess, ids: number[], stopped: () => boolean): Promise<number[]> {
  const took: number[] = [];
  for (let turn = 0; !stopped() && turn < ids.length; turn += 1) {
    const started = performance.now();
    await app.call('items-route', { ids: [ids[turn]], route: ROUTES[turn % ROUTES.length] });
    took.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, THINK_MS));
  }
  return took;
}

/** `copy`: a copy of the 1M database, which this changes (routes comments, stores 500 feeds). */
export async function busyFigures(copy: string, print: (text: string) => void): Promise<Goal[]> {
  // The generated feeds' addresses lead nowhere: only the 500 local feeds below are due.
  const db = openDatabase(copy);
  db.prepare('UPDATE feeds SET next_fetch_at = ?').run(Number.MAX_SAFE_INTEGER);
  db.close();

  const comments = (feed: number) => 20 + ((feed * 7) % 31);
  const hosts: CommentFeedServer[] = await Promise.all(Array.from({ length: HOSTS }, () => startCommentFeedServer({ comments, delayMs: DELAY_MS })));
  const launchedAt = Date.now();
  const app = await startConsole(copy);
  const goals: Goal[] = [];
  try {
    // Steady work: after the launch's full check and daily backup (bench:console watches those).
    const backedUp = await backupNamed(path.join(path.dirname(copy), 'backups'), LAUNCH_WORK_MS);
    print(`\nthe console's full check and daily backup ${backedUp === null ? `had not ended after ${LAUNCH_WORK_MS / 1000} s` : `ended ${((backedUp - launchedAt) / 1000).toFixed(0)} s after its launch`}`);
    // And the first background scoring of the Inbox (issue 14), which starts after the full check.
    const scored = await inboxScored(() => app.call('suggestions-status', {}), LAUNCH_WORK_MS);
    print(`the console's first scoring of its Inbox ${scored === null ? `had not ended after ${LAUNCH_WORK_MS / 1000} s more` : `ended ${((scored - launchedAt) / 1000).toFixed(0)} s after its launch`}`);
    const outlines = hosts.flatMap((host, h) => Array.from({ length: FEEDS_PER_HOST }, (_, f) => `<outline text="Site ${h}-${f}" xmlUrl="${host.url(f)}"/>`));
    await app.call('opml-import', { opml: `<opml version="2.0"><body>${outlines.join('')}</body></opml>`, allowLocal: true });
    const ids = await inboxIds(app);
    // The keys take theirs from the end of the list, the routing below from its start.
    goals.push(...(await keyFigures(app, ids, print)));

    print('\nrouting key round trip through the HTTP bridge, while the database is busy (1M comments)');
    const quiet = timingOf(await routeUntil(app, ids.slice(0, 40), () => false));
    print(line('  items-route, nothing else running', quiet));

    let fetching = true;
    const started = performance.now();
    const run = (app.call('feeds-fetch', { all: false }) as Promise<{ newItems: number }[]>).finally(() => (fetching = false));
    const duringFetch = timingOf(await routeUntil(app, ids.slice(40), () => !fetching));
    const results = await run;
    const seconds = (performance.now() - started) / 1000;
    const stored = results.reduce((sum, result) => sum + result.newItems, 0);
    print(`  fetch run: ${results.length} feeds, ${stored.toLocaleString('en')} comments stored in ${seconds.toFixed(1)} s (${(stored / seconds).toFixed(0)} comments/s)`);
    goals.push(timeGoal('items-route while 500 feeds are fetched and stored', duringFetch, 50, 'p95'));
    print(line('  items-route during the fetch run', duringFetch, goals.at(-1)));

    let searching = true;
    let searches = 0;
    const searcher = (async () => {
      for (; searching; searches += 1) await app.call('items-list', { view: 'all', search: WORDS.common, sort: 'relevance', limit: 100 });
    })();
    const routed = 40 + duringFetch.runs;
    const duringSearch = timingOf(await routeUntil(app, ids.slice(routed, routed + 60), () => false));
    searching = false;
    await searcher;
    goals.push(timeGoal(`items-route while another window searches "${WORDS.common}" best match first`, duringSearch, 50, 'p95'));
    print(line(`  items-route during searches (${searches} searches)`, duringSearch, goals.at(-1)));
  } finally {
    // Killed: a stopped console waits for its full check and daily backup, a minute at 1M, which
    // no figure here is about (the copy is thrown away).
    const exited = new Promise((resolve) => app.child.once('exit', resolve));
    app.child.kill('SIGKILL');
    await exited;
    await Promise.all(hosts.map((host) => host.close()));
  }
  return goals;
}
