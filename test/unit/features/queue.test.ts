import { describe, expect, it, vi } from 'vitest';
import { VIEW_NAMES, type ItemPage, type ViewCounts } from '../../../common/types';
import { countViews } from '../../../db/tables/item-counts';
import { listView, matchingIds, MATCHING_CAP } from '../../../db/tables/items';
import { addFeed, addItem, addThread, memoryService } from '../../support/seed';

describe('queue views', () => {
  it('count each view by status and route', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    addItem(db, { feedId });
    addItem(db, { feedId });
    addItem(db, { feedId, status: 'routed', route: 'service' });
    addItem(db, { feedId, status: 'routed', route: 'spotlight' });
    addItem(db, { feedId, status: 'routed', route: 'ignore' });
    addItem(db, { feedId, status: 'snoozed', route: 'service' });
    addItem(db, { feedId, status: 'done', route: 'service' });

    expect(await service.client['views-counts']()).toEqual<ViewCounts>({
      inbox: 2,
      service: 1,
      spotlight: 1,
      ignored: 1,
      snoozed: 1,
      done: 1,
      all: 7,
      serviceOverdue: 0,
      serviceReady: 0,
      serviceDrafted: 0,
    });
  });

  it('counts each view as its list has it, compiling the count statements once per connection', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    for (const [status, route] of [['new', null], ['routed', 'service'], ['routed', 'service'], ['routed', 'spotlight'], ['routed', 'ignore'], ['snoozed', null], ['snoozed', 'spotlight'], ['done', 'ignore'], ['done', null]] as const) addItem(db, { feedId, status, route });
    const counts = countViews(db, 0);
    for (const view of VIEW_NAMES) expect(counts[view], view).toBe(listView(db, { view, sort: 'newest', limit: 500 }).items.length);

    const prepare = vi.spyOn(db, 'prepare');
    countViews(db, 0);
    expect(prepare).not.toHaveBeenCalled();
    prepare.mockRestore();
  });

  it('pages a view newest first with a cursor, visiting every item exactly once', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    const sameMinute = Date.UTC(2026, 10, 20, 9, 30);
    const ids = [
      addItem(db, { feedId, publishedAt: sameMinute }),
      addItem(db, { feedId, publishedAt: sameMinute }),
      addItem(db, { feedId, publishedAt: sameMinute - 1000 }),
      addItem(db, { feedId, publishedAt: sameMinute + 1000 }),
      addItem(db, { feedId, publishedAt: sameMinute + 1000, status: 'done' }),
    ];

    const seen: number[] = [];
    let page = await service.client['items-list']({ view: 'inbox', limit: 2 });
    seen.push(...page.items.map((item) => item.id));
    while (page.nextCursor) {
      page = await service.client['items-list']({ view: 'inbox', limit: 2, cursor: page.nextCursor });
      seen.push(...page.items.map((item) => item.id));
    }
    expect(seen).toEqual([ids[3], ids[1], ids[0], ids[2]]);
  });

  it('say how many comments of the view match its filters with the first page, since the view count is not what is listed (issue 13, bug 9)', async () => {
    const service = memoryService();
    const { db } = service.context;
    const blog = addFeed(db, 'Blog');
    const forum = addFeed(db, 'Forum');
    for (let n = 0; n < 3; n += 1) addItem(db, { feedId: blog, text: `Refund please ${n}` });
    addItem(db, { feedId: forum, text: 'Refund for me too' });
    addItem(db, { feedId: forum, text: 'Great release' });
    addItem(db, { feedId: forum, text: 'Refund, done already', status: 'done', route: 'service' });

    const searched = await service.client['items-list']({ view: 'inbox', search: 'refund', limit: 2 });
    expect(searched.items).toHaveLength(2);
    expect(searched.matching).toBe(4);
    expect((await service.client['items-list']({ view: 'inbox', search: 'refund', limit: 2, cursor: searched.nextCursor! })).matching).toBeUndefined();
    expect((await service.client['items-list']({ view: 'all', feedId: forum })).matching).toBe(3);
    expect((await service.client['items-list']({ view: 'inbox' })).matching).toBeUndefined();
  });

  it('count a common word only up to a thousand and say so, rather than reading every match of it (issue 12: a second at 1M)', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db, 'Forum');
    for (let n = 0; n < MATCHING_CAP + 5; n += 1) addItem(db, { feedId, text: `Support please ${n}` });

    const common = await service.client['items-list']({ view: 'inbox', search: 'support', limit: 10 });
    expect(common.items).toHaveLength(10);
    expect(common).toMatchObject({ matching: MATCHING_CAP, matchingCapped: true });
    const rare = await service.client['items-list']({ view: 'inbox', search: 'please 7', limit: 10 });
    expect(rare.matching).toBe(1);
    expect(rare.matchingCapped).toBeUndefined();
  });

  it('gives the ids of every comment a view and its filters match, in the list order, for "Select all matching" (issue 13)', async () => {
    const service = memoryService();
    const { db } = service.context;
    const blog = addFeed(db, 'Blog');
    const forum = addFeed(db, 'Forum');
    const start = Date.UTC(2026, 10, 20);
    const refunds = Array.from({ length: 5 }, (_, n) => addItem(db, { feedId: blog, text: `Refund please ${n}`, publishedAt: start + n * 60_000 }));
    addItem(db, { feedId: forum, text: 'Refund for me too', status: 'done', route: 'service' });
    const release = addItem(db, { feedId: blog, text: 'Great release', publishedAt: start + 3_600_000 });

    expect(await service.client['items-matching-ids']({ view: 'inbox', search: 'refund' })).toEqual({ ids: [...refunds].reverse(), more: false });
    expect(await service.client['items-matching-ids']({ view: 'inbox', feedId: blog, sort: 'oldest' })).toEqual({ ids: [...refunds, release], more: false });
    // Past the most one action takes, the first of them, and "more" says there were others.
    expect(matchingIds(db, { view: 'inbox', sort: 'oldest', search: 'refund' }, 3)).toEqual({ ids: refunds.slice(0, 3), more: true });
  });

  it('returns one comment with its thread and feed', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db, 'Status blog');
    const threadId = addThread(db, 'Outage on 3 November', 'https://status.example/outage');
    const id = addItem(db, { feedId, threadId, author: 'Marcus T', text: 'Still down for me in Lyon.' });

    expect(await service.client['item-get']({ id })).toMatchObject({
      id,
      author: 'Marcus T',
      feedTitle: 'Status blog',
      threadTitle: 'Outage on 3 November',
      threadUrl: 'https://status.example/outage',
      contentText: 'Still down for me in Lyon.',
      status: 'new',
      route: null,
    });
  });

  it('says plainly when a comment does not exist', async () => {
    const service = memoryService();
    await expect(service.client['item-get']({ id: 99 })).rejects.toMatchObject({
      code: 'not-found',
      message: 'items: there is no comment with id 99; it may have been deleted with its feed',
    });
  });
});
