// Learning from the moderator's decisions (main/features/suggestions/learn.ts, rescore.ts,
// background.ts) on a real database file: routing a few comments changes a similar Inbox comment's
// suggestion once the console has learned and scored again; an undo takes back exactly what was
// learned; a re-route moves it; reset forgets it all.
import { describe, expect, it } from 'vitest';
import { addFeed, addItem, addThread } from '../../support/seed';
import { fileService, learnedTables, NOW, settled } from '../../support/suggestions';
import { openDatabase } from '../../../db/connection';
import { createService } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';


const SIMILAR = [
  'The export button crashes the page with a large spreadsheet',
  'Export of a large spreadsheet crashes the page every time',
  'Large spreadsheet export still crashes the page for me',
  'The spreadsheet export crashes again on large files',
];
/** Decisions of other kinds, which a moderator's day holds too (they give the learned lanes something to differ from). */
const OTHERS: [string, 'spotlight' | 'ignore'][] = [
  ['Thanks everyone who came to the meetup, the slides are on my blog', 'spotlight'],
  ['Here is how I set up the backup script, works great for me', 'spotlight'],
  ['Great post', 'ignore'],
  ['First!', 'ignore'],
];
const TARGET = 'Every large spreadsheet export crashes the page';

async function inbox() {
  const service = fileService();
  const { db } = service.context;
  const feed = addFeed(db);
  const thread = addThread(db, 'Spreadsheets');
  const similar = SIMILAR.map((text, n) => addItem(db, { feedId: feed, threadId: thread, author: `Member ${n}`, text }));
  const others = OTHERS.map(([text, route], n) => ({ id: addItem(db, { feedId: feed, author: `Other ${n}`, text }), route }));
  const target = addItem(db, { feedId: feed, author: 'Priya', text: TARGET });
  // Stored before suggestions existed: the first background pass scores them.
  await settled(service);
  const suggestion = async () => (await service.client['item-get']({ id: target })).suggestion;
  const decideOthers = async () => {
    for (const { id, route } of others) await service.client['items-route']({ ids: [id], route });
    await settled(service);
  };
  return { service, db, similar, target, suggestion, decideOthers };
}

describe('learning from decisions', () => {
  it("scores the Inbox's comments that have no suggestion yet, in the background", async () => {
    const { service, target } = await inbox();
    const { items } = await service.client['items-list']({ view: 'inbox' });
    expect(items.map((item) => item.suggestion)).not.toContain(null);
    expect(items.find((item) => item.id === target)?.suggestion).toMatchObject({ route: null });
  });

  it("routing a few comments changes a similar Inbox comment's suggestion, and undo takes the learning back exactly", async () => {
    const { service, db, similar, suggestion, decideOthers } = await inbox();
    await decideOthers();
    const before = await suggestion();
    expect(before?.route).toBeNull();
    const learnedBefore = learnedTables(db);

    await service.client['items-route']({ ids: similar, route: 'service' });
    await settled(service);
    expect(await suggestion()).toMatchObject({ route: 'service', reasons: expect.arrayContaining([expect.stringContaining('you routed 4 similar comments')]) });
    expect(await service.client['suggestions-status']()).toEqual({ learned: { service: 4, spotlight: 2, ignore: 2 }, pendingRescore: 0 });

    await service.client['items-undo']({});
    await settled(service);
    expect(learnedTables(db)).toEqual(learnedBefore);
    expect(await suggestion()).toEqual(before);
  });

  it('moves a comment re-routed to another lane, and learns each comment once however often it was routed', async () => {
    const { service, db, similar } = await inbox();
    await service.client['items-route']({ ids: similar, route: 'service' });
    await service.client['items-route']({ ids: similar.slice(0, 1), route: 'spotlight' });
    await settled(service);
    expect(await service.client['suggestions-status']()).toMatchObject({ learned: { service: 3, spotlight: 1, ignore: 0 } });
    await service.client['items-route']({ ids: similar.slice(0, 1), route: 'service' });
    await settled(service);
    expect(await service.client['suggestions-status']()).toMatchObject({ learned: { service: 4, spotlight: 0, ignore: 0 } });
    expect(db.prepare("SELECT COUNT(*) AS n FROM learned_features WHERE route = 'spotlight'").get()).toEqual({ n: 0 });
  });

  it("learns a decision made through another process's door on the same file", async () => {
    const { service, similar } = await inbox();
    // Another window (or the CLI) routes; this console's background work learns it.
    const other = createService({ db: openDatabase(service.context.dbPath), dbPath: service.context.dbPath, version: '0.0.0-test', now: () => NOW, runner: inProcessRunner() });
    await other.client['items-route']({ ids: similar.slice(0, 2), route: 'spotlight' });
    other.context.db.close();
    await settled(service);
    expect(await service.client['suggestions-status']()).toMatchObject({ learned: { service: 0, spotlight: 2, ignore: 0 } });
  });

  it('reset forgets everything learned, and the Inbox is scored again without it', async () => {
    const { service, db, similar, suggestion } = await inbox();
    const before = await suggestion();
    const learnedBefore = learnedTables(db);
    await service.client['items-route']({ ids: similar, route: 'service' });
    await settled(service);

    expect(await service.client['suggestions-reset']()).toMatchObject({ learned: { service: 0, spotlight: 0, ignore: 0 } });
    await settled(service);
    expect(learnedTables(db)).toEqual(learnedBefore);
    expect(await suggestion()).toEqual(before);
  });
});
