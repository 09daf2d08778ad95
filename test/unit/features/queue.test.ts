import { describe, expect, it, vi } from 'vitest';
import { VIEW_NAMES, type ItemPage, type ViewCounts } from '../../../common/types';
import { countViews } from '../../../db/tables/item-counts';
import { listView } from '../../../db/tables/items';
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
