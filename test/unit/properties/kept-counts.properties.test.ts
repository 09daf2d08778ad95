// Property test (fast-check, seeded) for the kept counts (db/migrations/009_kept_counts.sql): after
// any sequence of what moderators and feeds do to comments (ingests through the real store path,
// routes, bulk actions, snoozes and their waking, undos, drafts made ready and exported, incidents,
// spotlight actions, unsubscribing with the comments, sample feeds removed by cascade, time
// passing), the sidebar's counts and the feed list's counts equal a full recount of the items table
// by the same view rules, and the overdue count equals the console's own predicate applied row by row.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import { createService, type Service } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { storeOutcome } from '../../../main/features/feeds/store';
import { scoreArrivals } from '../../../main/features/suggestions/ingest';
import type { NormalizedComment } from '../../../main/features/feeds/parse/normalize';
import { addFeed } from '../../support/seed';
import { recountFeeds, recountViews } from '../../support/recount';
import { tempDir } from '../../support/temp';

const START = Date.UTC(2026, 10, 26, 12);
const HOUR = 3_600_000;
const OVERDUE_HOURS = 24;
const AUTHORS = ['Priya', 'Marcus', 'Dana'];
const THREADS = ['https://acme.example/outage', 'https://acme.example/launch'];

const ids = fc.array(fc.nat(40), { minLength: 1, maxLength: 3 });
const one = fc.nat(40);
const comment = fc.record({ guid: fc.nat(7), author: fc.nat(AUTHORS.length - 1), thread: fc.nat(THREADS.length - 1), hoursAgo: fc.nat(72), edit: fc.nat(2) });

const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('ingest' as const), feed: fc.nat(2), comments: fc.array(comment, { minLength: 1, maxLength: 4 }) }), weight: 4 },
  // Most comments go to customer service, so drafts, ready replies and overdue ones come up often.
  { arbitrary: fc.record({ kind: fc.constant('route' as const), ids, route: fc.constantFrom('service' as const, 'service' as const, 'spotlight' as const, 'ignore' as const) }), weight: 5 },
  fc.record({ kind: fc.constant('done' as const), ids }),
  fc.record({ kind: fc.constant('reopen' as const), ids }),
  fc.record({ kind: fc.constant('snooze' as const), ids, hours: fc.option(fc.integer({ min: 1, max: 48 }), { nil: undefined }) }),
  { arbitrary: fc.record({ kind: fc.constant('undo' as const) }), weight: 2 },
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  { arbitrary: fc.record({ kind: fc.constant('draft' as const), id: one, body: fc.constantFrom('Sorry, on it', 'Fixed now', '') }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('ready' as const), ids }), weight: 2 },
  fc.record({ kind: fc.constant('exported' as const), ids }),
  fc.record({ kind: fc.constant('resolve' as const), ids }),
  fc.record({ kind: fc.constant('answered-by' as const), id: one, answer: one }),
  fc.record({ kind: fc.constant('incident' as const), ids }),
  fc.record({ kind: fc.constant('spotlight' as const), id: one, action: fc.constantFrom('feature' as const, 'thank' as const, 'invite' as const, 'answer' as const), answer: one }),
  fc.record({ kind: fc.constant('unsubscribe' as const), feed: fc.nat(2), deleteItems: fc.boolean() }),
  fc.record({ kind: fc.constant('remove-samples' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

interface World {
  service: Service;
  feeds: number[];
  clock: { now: number };
}

/** A console on a real SQLite file: two feeds and a sample feed, three new comments in each. */
function world(): World {
  const dbPath = path.join(tempDir(), 'switchboard.db');
  const db = openDatabase(dbPath);
  const clock = { now: START };
  const service = createService({ db, dbPath, version: '0.0.0-test', now: () => clock.now, runner: inProcessRunner() });
  const feeds = [addFeed(db, 'Blog'), addFeed(db, 'Forum'), addFeed(db, 'Sample')];
  db.prepare('UPDATE feeds SET is_sample = 1 WHERE id = ?').run(feeds[2]);
  const w = { service, feeds, clock };
  // Something to act on from the first step: a few comments in each feed, some of them a day old.
  for (const feed of [0, 1, 2]) ingest(w, feeds[feed]!, [0, 1, 2].map((n) => ({ guid: n, author: n, thread: n % 2, hoursAgo: n * 20, edit: 0 })));
  return w;
}

/** A fetch of `feed` bringing these comments, stored the way every fetch is. */
function ingest({ service, clock }: World, feedId: number, comments: Extract<Step, { kind: 'ingest' }>['comments']): void {
  const db = service.context.db;
  const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(feedId) as Parameters<typeof storeOutcome>[1] | undefined;
  if (!feed) return;
  const normalized = comments.map<NormalizedComment>((c) => ({
    guid: `guid-${c.guid}`,
    url: null,
    thread: { url: THREADS[c.thread]!, title: `Thread ${c.thread}` },
    author: AUTHORS[c.author]!,
    authorUrl: null,
    publishedAt: clock.now - c.hoursAgo * HOUR,
    contentHtml: `<p>Comment ${c.guid}, version ${c.edit}</p>`,
    contentText: `Comment ${c.guid}, version ${c.edit}`,
  }));
  storeOutcome(db, feed, { status: 'ok', finalUrl: feed.url, etag: null, lastModified: null, feed: { title: 'Feed', siteUrl: null, kind: 'comments', comments: normalized, commentFeeds: [], skipped: 0, withheld: 0 } }, clock.now, scoreArrivals);
}

async function run(w: World, s: Step): Promise<void> {
  const { client, context } = w.service;
  const existing = context.db.prepare('SELECT id FROM items ORDER BY id').pluck().all() as number[];
  const pick = (n: number) => existing[n % existing.length]!;
  const picks = (ns: number[]) => [...new Set(ns.map(pick))];
  if (s.kind === 'ingest') return ingest(w, w.feeds[s.feed]!, s.comments);
  if (s.kind === 'wait') return void (w.clock.now += s.hours * HOUR);
  if (s.kind === 'undo') return void (await client['items-undo']());
  if (s.kind === 'unsubscribe') return void (await client['feeds-unsubscribe']({ id: w.feeds[s.feed]!, deleteItems: s.deleteItems }));
  if (s.kind === 'remove-samples') return void (await client['feeds-remove-samples']());
  if (existing.length === 0) return;
  if (s.kind === 'route') await client['items-route']({ ids: picks(s.ids), route: s.route });
  else if (s.kind === 'done') await client['items-done']({ ids: picks(s.ids) });
  else if (s.kind === 'reopen') await client['items-reopen']({ ids: picks(s.ids) });
  else if (s.kind === 'snooze')
    await client['items-snooze'](s.hours === undefined ? { ids: picks(s.ids), untilReply: true } : { ids: picks(s.ids), until: new Date(w.clock.now + s.hours * HOUR).toISOString() });
  else if (s.kind === 'draft') await client['draft-save']({ itemId: pick(s.id), body: s.body });
  else if (s.kind === 'ready') {
    // A reply is made ready once it has text: drafted first, as the composer does.
    for (const id of picks(s.ids)) await client['draft-save']({ itemId: id, body: 'Thanks, fixed now' });
    await client['drafts-ready']({ ids: picks(s.ids) });
  }
  else if (s.kind === 'exported') await client['drafts-mark-exported']({ ids: picks(s.ids) });
  else if (s.kind === 'resolve') await client['service-resolve']({ ids: picks(s.ids) });
  else if (s.kind === 'answered-by') await client['service-answered-by']({ id: pick(s.id), answerId: pick(s.answer) });
  else if (s.kind === 'incident') await client['incident-create']({ ids: picks(s.ids), title: 'Outage' });
  else await client['spotlight-act']({ id: pick(s.id), action: s.action, ...(s.action === 'answer' ? { answersId: pick(s.answer) } : {}) });
}

/** What the moderator sees, against the recount. */
async function expectCountsRight(w: World, after: Step[]): Promise<void> {
  const { client, context } = w.service;
  const shown = await client['views-counts']();
  // After the call: it first ends the snoozes that came due, which the recount must see too.
  expect(shown, JSON.stringify(after)).toEqual(recountViews(context.db, w.clock.now, OVERDUE_HOURS));
  const feeds = Object.fromEntries((await client['feeds-list']()).map((feed) => [feed.id, { itemCount: feed.itemCount, newCount: feed.newCount }]));
  expect(feeds, JSON.stringify(after)).toEqual(recountFeeds(context.db));
}

describe('kept counts', () => {
  it('equal a full recount after any sequence of ingests, triage, service and spotlight actions, undos and unsubscribes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 50, size: 'max' }), async (steps) => {
        const w = world();
        try {
          for (const [index, s] of steps.entries()) {
            try {
              await run(w, s);
            } catch (error) {
              // A refused action (nothing to undo, a reply not drafted yet...) changes nothing; anything else is a failure.
              if (!(error instanceof SwitchboardError) || error.code === 'internal') throw error;
            }
            await expectCountsRight(w, steps.slice(0, index + 1));
          }
        } finally {
          await w.service.close();
        }
      }),
      { seed: 12, numRuns: 30 },
    );
  });
});
