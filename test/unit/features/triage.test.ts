import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SwitchboardEvent } from '../../../common/events';
import type { ActionResult, ItemContext, ItemDetail, ItemPage, TriageResult, UndoResult, ViewCounts } from '../../../common/types';
import { openService } from '../../../main/app/open-service';
import { WATCH_MS } from '../../../main/core/changes';
import { storeOutcome } from '../../../main/features/feeds/store';
import { scoreArrivals } from '../../../main/features/suggestions/ingest';
import { addFeed, addItem, addThread, memoryService } from '../../support/seed';
import { tempDir } from '../../support/temp';

const NOW = Date.UTC(2026, 10, 26, 12);
const HOUR = 60 * 60_000;

async function page(service: ReturnType<typeof memoryService>, input: Record<string, unknown>): Promise<number[]> {
  return (await service.client['items-list'](input)).items.map((item) => item.id);
}

function queue() {
  const service = memoryService();
  const { db } = service.context;
  const blog = addFeed(db, 'Blog');
  const forum = addFeed(db, 'Forum');
  const outage = addThread(db, 'Outage');
  const ids = {
    refund: addItem(db, { feedId: blog, threadId: outage, author: 'Priya', text: 'I want a refund for the downtime', publishedAt: NOW - 5 * HOUR }),
    tip: addItem(db, { feedId: blog, threadId: outage, author: 'Marcus', text: 'Flush your DNS cache, it fixed it for me', publishedAt: NOW - 4 * HOUR }),
    spam: addItem(db, { feedId: forum, author: 'cheap-pills', text: 'Buy now', publishedAt: NOW - 3 * HOUR }),
    question: addItem(db, { feedId: forum, author: 'Lee', text: 'Is the API down too?', publishedAt: NOW - 2 * HOUR }),
    thanks: addItem(db, { feedId: blog, threadId: outage, author: 'Priya', text: 'Thanks Marcus, works now', publishedAt: NOW - 1 * HOUR }),
  };
  return { service, db, blog, forum, outage, ids };
}

describe('queue views and filters', () => {
  it('lists every view newest or oldest first, filtered by feed, route, status, dates and text', async () => {
    const { service, db, blog, ids } = queue();
    await service.client['items-route']({ ids: [ids.refund], route: 'service' });
    await service.client['items-route']({ ids: [ids.tip], route: 'spotlight' });
    await service.client['items-route']({ ids: [ids.spam], route: 'ignore' });

    expect(await page(service, { view: 'inbox' })).toEqual([ids.thanks, ids.question]);
    expect(await page(service, { view: 'inbox', sort: 'oldest' })).toEqual([ids.question, ids.thanks]);
    expect(await page(service, { view: 'service' })).toEqual([ids.refund]);
    expect(await page(service, { view: 'spotlight' })).toEqual([ids.tip]);
    expect(await page(service, { view: 'ignored' })).toEqual([ids.spam]);
    expect(await page(service, { view: 'all', feedId: blog })).toEqual([ids.thanks, ids.tip, ids.refund]);
    expect(await page(service, { view: 'all', route: 'service' })).toEqual([ids.refund]);
    expect(await page(service, { view: 'all', status: 'new' })).toEqual([ids.thanks, ids.question]);
    expect(await page(service, { view: 'all', from: new Date(NOW - 3.5 * HOUR).toISOString(), to: new Date(NOW - 1.5 * HOUR).toISOString() })).toEqual([ids.question, ids.spam]);
    expect(await page(service, { view: 'all', search: 'refund downtime' })).toEqual([ids.refund]);
    expect(await page(service, { view: 'all', search: 'Outage' })).toEqual([ids.thanks, ids.tip, ids.refund]);
    expect(await page(service, { view: 'all', search: '!!!' })).toEqual([]);
    // Search with a feed and dates: the search index narrows to them, the filters still decide.
    const dates = { from: new Date(NOW - 4.5 * HOUR).toISOString(), to: new Date(NOW).toISOString() };
    expect(await page(service, { view: 'all', search: 'Outage', feedId: blog, ...dates })).toEqual([ids.thanks, ids.tip]);
    expect(await page(service, { view: 'all', search: 'Outage', feedId: blog + 100, ...dates })).toEqual([]);
    // An edited comment (its search entry made again by a trigger) is still found within its feed and dates.
    db.prepare('UPDATE items SET content_text = ? WHERE id = ?').run('Flush your DNS cache and restart the router', ids.tip);
    expect(await page(service, { view: 'all', search: 'router', feedId: blog, ...dates })).toEqual([ids.tip]);
  });

  it('ranks search matches best first on request: one page of the best, where newest first is the default', async () => {
    const { service, db, blog, ids } = queue();
    const strong = addItem(db, { feedId: blog, text: 'Refund, refund, refund: where is my refund?', publishedAt: NOW - 6 * HOUR });
    const weak = addItem(db, { feedId: blog, text: 'Is there a refund policy for the annual plan at some point, or not at all?', publishedAt: NOW - 0.5 * HOUR });
    expect(await page(service, { view: 'all', search: 'refund' })).toEqual([weak, strong, ids.refund]);
    const best = await service.client['items-list']({ view: 'all', search: 'refund', sort: 'relevance', limit: 1 });
    expect(best.items.map((item) => item.id)).toEqual([strong]);
    expect(best.nextCursor).toBeNull();
    // Nothing to rank without words: newest first.
    expect(await page(service, { view: 'all', sort: 'relevance', feedId: blog })).toEqual(await page(service, { view: 'all', feedId: blog }));
  });

  it('pages oldest first with a cursor too', async () => {
    const { service, ids } = queue();
    const first = await service.client['items-list']({ view: 'all', sort: 'oldest', limit: 2 });
    const second = await service.client['items-list']({ view: 'all', sort: 'oldest', limit: 2, cursor: first.nextCursor ?? undefined });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual([ids.refund, ids.tip, ids.spam, ids.question]);
  });
});

describe('triage actions', () => {
  it('route, finish, reopen and note; counts follow', async () => {
    const { service, ids } = queue();
    const routed = await service.client['items-route']({ ids: [ids.refund, ids.question], route: 'service' });
    expect(routed).toMatchObject({ action: 'route', itemIds: [ids.refund, ids.question] });
    await service.client['items-done']({ ids: [ids.question] });
    await service.client['item-note']({ id: ids.refund, note: 'Offered a credit' });
    expect(await service.client['views-counts']()).toEqual<ViewCounts>({ inbox: 3, service: 1, spotlight: 0, ignored: 0, snoozed: 0, done: 1, all: 5, serviceOverdue: 0, serviceReady: 0, serviceDrafted: 0 });
    expect(await service.client['item-get']({ id: ids.refund })).toMatchObject({ status: 'routed', route: 'service', note: 'Offered a credit' });
    await service.client['items-reopen']({ ids: [ids.question] });
    expect(await service.client['item-get']({ id: ids.question })).toMatchObject({ status: 'new', route: null });
  });

  it('undoes several steps back, a bulk action as one step', async () => {
    const { service, ids } = queue();
    await service.client['items-route']({ ids: [ids.refund], route: 'service' });
    await service.client['items-route']({ ids: [ids.tip, ids.thanks], route: 'spotlight' });
    const done = await service.client['items-done']({ ids: [ids.refund] });

    expect(await service.client['items-undo']()).toMatchObject<UndoResult>({ action: 'done', itemIds: [ids.refund], auditId: done.auditId });
    expect(await service.client['item-get']({ id: ids.refund })).toMatchObject({ status: 'routed', route: 'service' });
    const bulk = await service.client['items-undo']();
    expect(bulk.action).toBe('route');
    expect(bulk.itemIds.sort()).toEqual([ids.tip, ids.thanks].sort());
    expect(await page(service, { view: 'inbox' })).toEqual([ids.thanks, ids.question, ids.spam, ids.tip]);
    await service.client['items-undo']();
    expect(await service.client['items-undo']()).toEqual({ action: null, itemIds: [], auditId: null, items: [] });
    expect(await service.client['views-counts']()).toMatchObject({ inbox: 5, service: 0, spotlight: 0 });
  });

  it('answers with the changed comments as rows and, when named, the next comment in full', async () => {
    const { service, ids } = queue();
    const routed = await service.client['items-route']({ ids: [ids.refund, ids.tip], route: 'service', next: ids.thanks });
    expect(routed.items.map((item) => [item.id, item.status, item.route, item.serviceState]).sort()).toEqual(
      [[ids.refund, 'routed', 'service', 'open'], [ids.tip, 'routed', 'service', 'open']].sort(),
    );
    expect(routed.next?.detail).toEqual(await service.client['item-get']({ id: ids.thanks }));
    // Read after the action: the thread already shows the routed comments.
    expect(routed.next?.context).toEqual(await service.client['item-context']({ id: ids.thanks }));
    expect(routed.next?.context.thread.find((item) => item.id === ids.refund)?.route).toBe('service');

    const done = await service.client['items-done']({ ids: [ids.spam] });
    expect(done).toMatchObject({ action: 'done', itemIds: [ids.spam], items: [{ id: ids.spam, status: 'done', route: null }], next: null });
    const snoozed = await service.client['items-snooze']({ ids: [ids.question], untilReply: true, next: 999 });
    expect(snoozed).toMatchObject({ items: [{ id: ids.question, status: 'snoozed', snoozeUntilReply: true }], next: null });
  });

  it("announces each action after its answer, with its audit id, and what another process changed apart", async () => {
    const dbPath = path.join(tempDir(), 'switchboard.db');
    const service = await openService(dbPath, { log: () => {} });
    const feedId = addFeed(service.context.db);
    const [first, second] = [addItem(service.context.db, { feedId }), addItem(service.context.db, { feedId })];
    const events: SwitchboardEvent[] = [];
    service.events.subscribe((event) => events.push(event));
    const settled = () => new Promise((resolve) => setImmediate(resolve));
    await service.client['views-counts']();

    const routed = await service.client['items-route']({ ids: [first], route: 'spotlight' });
    expect(events).toEqual([]);
    await settled();
    expect(events.map((event) => event.name)).toEqual(['items-changed', 'counts-changed']);
    expect(events[0]).toEqual({ name: 'items-changed', payload: { reason: 'route', auditId: routed.auditId } });
    expect(events[1]).toMatchObject({ name: 'counts-changed', payload: { inbox: 1, spotlight: 1 } });

    events.length = 0;
    const undone = await service.client['items-undo']();
    await settled();
    expect(undone.auditId).toBe(routed.auditId);
    expect(events[0]).toEqual({ name: 'items-changed', payload: { reason: 'undo', auditId: routed.auditId } });

    // The CLI, say: another connection to the same file.
    const other = await openService(dbPath, { log: () => {} });
    await other.call('items-done', { ids: [second] });
    await other.close();
    events.length = 0;
    const finished = await service.client['items-done']({ ids: [first] });
    await settled();
    expect(events.filter((event) => event.name === 'items-changed').map((event) => event.payload)).toEqual([{ reason: 'elsewhere' }, { reason: 'done', auditId: finished.auditId }]);
    expect(events.at(-1)).toMatchObject({ name: 'counts-changed', payload: { inbox: 0, done: 2 } });

    // Seen once, not again; a read notices the next outside change too.
    events.length = 0;
    await service.client['items-list']({ view: 'inbox' });
    expect(events).toEqual([]);
    const third = await openService(dbPath, { log: () => {} });
    await third.call('items-reopen', { ids: [second] });
    await third.close();
    await service.client['items-list']({ view: 'inbox' });
    expect(events.map((event) => [event.name, event.name === 'items-changed' ? event.payload : null])).toEqual([['items-changed', { reason: 'elsewhere' }], ['counts-changed', null]]);
    await service.close();
  });

  it("notices another process's write within seconds while the console makes no call, and announces it once", async () => {
    const dbPath = path.join(tempDir(), 'switchboard.db');
    // The full integrity check passes at once, so the fetch scheduler starts within the test's clock.
    const service = await openService(dbPath, { log: () => {}, checker: async () => 'ok' });
    const feedId = addFeed(service.context.db, 'Blog');
    const id = addItem(service.context.db, { feedId });
    const events: SwitchboardEvent[] = [];
    service.events.subscribe((event) => events.push(event));
    // The clock is the test's: the scheduler's first tick (which also catches up) is let run before the terminal acts.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    try {
      const stop = service.startScheduler();
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(service.context.feeds.activeRun).toBeFalsy());
      events.length = 0;
      // A terminal routes the comment and unsubscribes; the console makes no call at all.
      const terminal = await openService(dbPath, { log: () => {} });
      await terminal.client['items-route']({ ids: [id], route: 'service' });
      await terminal.client['feeds-unsubscribe']({ id: feedId });
      await terminal.close();
      vi.advanceTimersByTime(WATCH_MS);
      expect(events.map((event) => event.name)).toEqual(['items-changed', 'counts-changed', 'feeds-changed']);
      expect(events[0]).toEqual({ name: 'items-changed', payload: { reason: 'elsewhere' } });
      expect(events[1]).toMatchObject({ name: 'counts-changed', payload: { inbox: 0, service: 1 } });
      vi.advanceTimersByTime(WATCH_MS * 3);
      expect(events).toHaveLength(3);
      stop();
    } finally {
      vi.useRealTimers();
    }
    await service.close();
  });

  it("undoes only the actions a console names as its own, and names the comments it restored", async () => {
    const { service, ids } = queue();
    const mine = await service.client['items-route']({ ids: [ids.refund], route: 'ignore' });
    // Another window (or the terminal) acts after it.
    await service.client['items-route']({ ids: [ids.tip], route: 'service' });

    const undone = await service.client['items-undo']({ auditIds: [mine.auditId] });
    expect(undone).toMatchObject({ action: 'route', itemIds: [ids.refund], auditId: mine.auditId });
    expect(undone.items.map((item) => [item.author, item.excerpt, item.status])).toEqual([['Priya', 'I want a refund for the downtime', 'new']]);
    expect(await service.client['item-get']({ id: ids.tip })).toMatchObject({ status: 'routed', route: 'service' });
    expect(await service.client['items-undo']({ auditIds: [mine.auditId] })).toEqual({ action: null, itemIds: [], auditId: null, items: [] });
    // Without ids (the CLI's undo), the newest action of anyone's.
    expect(await service.client['items-undo']()).toMatchObject({ action: 'route', itemIds: [ids.tip] });

    // The console's action on a comment another window or a terminal changed since is left be, and named.
    const spam = await service.client['items-route']({ ids: [ids.spam], route: 'ignore' });
    await service.client['items-done']({ ids: [ids.spam] });
    expect(await service.client['items-undo']({ auditIds: [mine.auditId, spam.auditId] })).toMatchObject({ action: null, auditId: null, itemIds: [ids.spam], superseded: spam.auditId, items: [{ author: 'cheap-pills' }] });
    expect(await service.client['item-get']({ id: ids.spam })).toMatchObject({ status: 'done', route: 'ignore' });
  });

  it('refuses unknown comments and empty bulk actions without changing anything', async () => {
    const { service, ids } = queue();
    await expect(service.client['items-route']({ ids: [ids.refund, 999], route: 'service' })).rejects.toThrow('there is no comment with id 999');
    expect(await service.client['item-get']({ id: ids.refund })).toMatchObject({ status: 'new' });
    await expect(service.client['items-done']({ ids: [] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(service.client['items-snooze']({ ids: [ids.tip] })).rejects.toThrow('give either until (a time) or untilReply: true');
  });
});

describe('snooze', () => {
  it('hides an item until its time, then it is back in the Inbox marked as such', async () => {
    const { service, ids } = queue();
    let now = NOW;
    service.context.now = () => now;
    await service.client['items-snooze']({ ids: [ids.question], until: new Date(NOW + HOUR).toISOString() });
    expect(await page(service, { view: 'inbox' })).not.toContain(ids.question);
    expect(await page(service, { view: 'snoozed' })).toEqual([ids.question]);
    now = NOW + 2 * HOUR;
    expect(await page(service, { view: 'inbox' })).toContain(ids.question);
    expect(await service.client['item-get']({ id: ids.question })).toMatchObject({ status: 'new', backFromSnooze: true, snoozedUntil: null });
    await expect(service.client['items-snooze']({ ids: [ids.tip], until: new Date(NOW).toISOString() })).rejects.toThrow('the snooze must end in the future');
  });

  it('until the author writes again in the same thread', async () => {
    const { service, db, blog, ids } = queue();
    await service.client['items-snooze']({ ids: [ids.refund], untilReply: true });
    const outcome = (author: string, guid: string) => ({
      status: 'ok' as const,
      finalUrl: 'https://blog.example/comments/feed/',
      etag: null,
      lastModified: null,
      feed: {
        title: 'Blog',
        siteUrl: null,
        kind: 'comments' as const,
        commentFeeds: [],
        skipped: 0,
        withheld: 0,
        comments: [{ guid, url: null, thread: { url: 'https://acme.example/Outage', title: 'Outage' }, author, authorUrl: null, publishedAt: NOW, contentHtml: '<p>Hi</p>', contentText: 'Hi' }],
      },
    });
    const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(blog) as Parameters<typeof storeOutcome>[1];
    storeOutcome(db, feed, outcome('Marcus', 'reply-1'), NOW, scoreArrivals);
    expect(await service.client['item-get']({ id: ids.refund })).toMatchObject({ status: 'snoozed' });
    storeOutcome(db, feed, outcome('Priya', 'reply-2'), NOW, scoreArrivals);
    expect(await service.client['item-get']({ id: ids.refund })).toMatchObject({ status: 'new', backFromSnooze: true, snoozeUntilReply: false });
  });
});

describe('item context', () => {
  it("shows the thread in time order and the author's history", async () => {
    const { service, ids } = queue();
    await service.client['items-route']({ ids: [ids.refund], route: 'service' });
    const context = await service.client['item-context']({ id: ids.thanks });
    expect(context.thread.map((item) => item.id)).toEqual([ids.refund, ids.tip, ids.thanks]);
    expect(context.author).toMatchObject({ name: 'Priya', comments: 2, byRoute: { service: 1, spotlight: 0, ignore: 0 }, feeds: ['Blog'] });
    expect(context.author.firstSeen).toBe(new Date(NOW - 5 * HOUR).toISOString());
    const detail = await service.client['item-get']({ id: ids.thanks });
    expect(detail.threadTitle).toBe('Outage');
  });
});
