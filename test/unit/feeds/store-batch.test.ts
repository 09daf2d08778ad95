// One fetch's comments are stored, then indexed for search together (feeds/store.ts): a feed that
// repeats a comment in one fetch with its text edited still stores it once, found by its new text.
// What a fetch does for the whole batch at once: ending the snoozes of the authors who wrote again
// in their threads, and giving new authors their members.
import { describe, expect, it } from 'vitest';
import { storeOutcome } from '../../../main/features/feeds/store';
import { scoreArrivals } from '../../../main/features/suggestions/ingest';
import type { NormalizedComment } from '../../../main/features/feeds/parse/normalize';
import { memberOfAuthor } from '../../../db/tables/members';
import { addFeed, memoryService } from '../../support/seed';

const NOW = Date.UTC(2026, 10, 26, 12);

function comment(text: string, guid = 'c-1', author = 'Priya', thread = 'outage'): NormalizedComment {
  return { guid, url: null, thread: { url: `https://acme.example/${thread}`, title: thread }, author, authorUrl: null, publishedAt: NOW, contentHtml: `<p>${text}</p>`, contentText: text };
}

function fetched(comments: NormalizedComment[]): Parameters<typeof storeOutcome>[2] {
  return { status: 'ok', finalUrl: 'https://acme.example/comments/feed/', etag: null, lastModified: null, feed: { title: 'Blog', siteUrl: null, kind: 'comments', comments, commentFeeds: [], skipped: 0, withheld: 0 } };
}

describe('storing a fetch', () => {
  it('stores a comment repeated with an edit in one fetch once, searchable by its new text only', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(feedId) as Parameters<typeof storeOutcome>[1];
    const comments = [comment('The dashboard is down'), comment('The dashboard is back, thanks')];
    storeOutcome(db, feed, { status: 'ok', finalUrl: feed.url, etag: null, lastModified: null, feed: { title: 'Blog', siteUrl: null, kind: 'comments', comments, commentFeeds: [], skipped: 0, withheld: 0 } }, NOW, scoreArrivals);

    const found = async (search: string) => (await service.client['items-list']({ view: 'all', search, limit: 10 })).items.map((item) => item.excerpt);
    expect(await found('dashboard')).toEqual(['The dashboard is back, thanks']);
    expect(await found('down')).toEqual([]);
  });

  it('ends only the snoozes of authors who wrote again in the same thread, and gives each new author one member', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(addFeed(db)) as Parameters<typeof storeOutcome>[1];
    const first = storeOutcome(db, feed, fetched([comment('Down again', 'a', 'Priya', 'outage'), comment('Same here', 'b', 'Marcus', 'launch'), comment('And here', 'c', 'Priya', 'launch')]), NOW, scoreArrivals);
    const [priyaOutage, marcusLaunch, priyaLaunch] = first.newItemIds;
    await service.client['items-snooze']({ ids: first.newItemIds, untilReply: true });

    // Priya writes again in the outage thread only; Dana, new, writes twice in the launch thread;
    // Ola writes twice, and one of hers comes again in the same fetch signed Olaf.
    const second = [comment('Back now', 'd', 'Priya', 'outage'), comment('Hello', 'e', 'Dana', 'launch'), comment('Me again', 'f', 'Dana', 'launch')];
    second.push(comment('Hi', 'g', 'Ola', 'launch'), comment('Hi again', 'h', 'Ola', 'launch'), comment('Hi', 'g', 'Olaf', 'launch'));
    storeOutcome(db, feed, fetched(second), NOW, scoreArrivals);

    const state = async (id: number | undefined) => (await service.client['item-get']({ id: id! })).status;
    expect([await state(priyaOutage), await state(marcusLaunch), await state(priyaLaunch)]).toEqual(['new', 'snoozed', 'snoozed']);
    // One member each, Dana's two comments included.
    expect(['Dana', 'Marcus', 'Priya', 'Ola', 'Olaf'].map((author) => memberOfAuthor(db, author))).not.toContain(null);
    expect(db.prepare('SELECT COUNT(*) AS n FROM members').get()).toEqual({ n: 5 });
  });

  it("indexes a new comment's feed and month exactly as an edit re-indexes them", () => {
    const service = memoryService();
    const { db } = service.context;
    const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(addFeed(db)) as Parameters<typeof storeOutcome>[1];
    const [id] = storeOutcome(db, feed, fetched([comment('The dashboard is down')]), NOW, scoreArrivals).newItemIds;
    const scope = () => db.prepare('SELECT scope FROM items_fts WHERE rowid = ?').pluck().get(id);
    expect(scope()).toBe(`f${feed.id} m202611`);
    // The edit trigger of db/migrations/010_view_indexes.sql writes them from the stored row.
    db.prepare(`UPDATE items SET content_text = 'The dashboard is back' WHERE id = ?`).run(id);
    expect(scope()).toBe(`f${feed.id} m202611`);
  });
});
