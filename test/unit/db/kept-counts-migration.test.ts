// Migration 009 (kept counts) on a database written by the previous version, with comments in
// every place a comment can be: the counts table is filled from a recount, so the sidebar and the
// feed list show the same figures as before the upgrade, and keeps them from the next write on.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { createService } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { recountFeeds, recountViews } from '../../support/recount';
import { tempDir } from '../../support/temp';

const KEPT_COUNTS = migrations.find((migration) => migration.name === 'kept_counts')!.version;
const NOW = Date.UTC(2026, 10, 26, 12);
const HOUR = 3_600_000;

/** A file at the version before kept counts, with comments of two feeds in every status, route and service state. */
function previousVersionFile(): string {
  const file = path.join(tempDir(), 'switchboard.db');
  const db = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((migration) => migration.version < KEPT_COUNTS));
  const feed = db.prepare("INSERT INTO feeds (url, site, title, created_at) VALUES (?, 'acme.example', ?, 0)");
  const feeds = [Number(feed.run('https://acme.example/comments/feed/', 'Blog').lastInsertRowid), Number(feed.run('https://acme.example/forum.rss', 'Forum').lastInsertRowid)];
  const item = db.prepare(
    `INSERT INTO items (feed_id, guid, author, published_at, status, route, service_state, fetched_at, updated_at) VALUES (?, ?, 'Dana', ?, ?, ?, ?, 0, 0)`,
  );
  const places = [
    ['new', null, null],
    ['routed', 'service', 'open'],
    ['routed', 'service', 'drafted'],
    ['routed', 'service', 'ready'],
    ['routed', 'service', 'exported'],
    ['routed', 'spotlight', null],
    ['routed', 'ignore', null],
    ['snoozed', 'service', 'open'],
    ['snoozed', null, null],
    ['done', 'service', 'resolved'],
    ['done', null, null],
  ] as const;
  let guid = 0;
  for (const [n, [status, route, serviceState]] of places.entries()) {
    // Some of each place in each feed, half of them published long enough ago to be overdue.
    for (let copy = 0; copy <= n % 3; copy += 1) {
      for (const feedId of feeds) item.run(feedId, `g${++guid}`, NOW - (copy % 2 ? 48 : 2) * HOUR, status, route, serviceState);
    }
  }
  db.close();
  return file;
}

describe('migration 009: kept counts', () => {
  it('counts the comments already stored, and keeps counting from there', async () => {
    const dbPath = previousVersionFile();
    const db = openDatabase(dbPath);
    const service = createService({ db, dbPath, version: '0.0.0-test', now: () => NOW, runner: inProcessRunner() });
    const feedCounts = async () => Object.fromEntries((await service.client['feeds-list']()).map((feed) => [feed.id, { itemCount: feed.itemCount, newCount: feed.newCount }]));

    const counts = await service.client['views-counts']();
    expect(counts).toEqual(recountViews(db, NOW, 24));
    // Not trivially equal: every figure has something to count.
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
    expect(await feedCounts()).toEqual(recountFeeds(db));

    const inbox = (await service.client['items-list']({ view: 'inbox', limit: 10 })).items.map((item) => item.id);
    await service.client['items-route']({ ids: inbox, route: 'service' });
    expect(await service.client['views-counts']()).toEqual(recountViews(db, NOW, 24));
    expect(await feedCounts()).toEqual(recountFeeds(db));
    await service.close();
  });
});
