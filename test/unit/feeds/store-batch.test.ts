// One fetch's comments are stored, then indexed for search together (feeds/store.ts): a feed that
// repeats a comment in one fetch with its text edited still stores it once, found by its new text.
import { describe, expect, it } from 'vitest';
import { storeOutcome } from '../../../main/features/feeds/store';
import type { NormalizedComment } from '../../../main/features/feeds/parse/normalize';
import { addFeed, memoryService } from '../../support/seed';

const NOW = Date.UTC(2026, 10, 26, 12);

function comment(text: string): NormalizedComment {
  return { guid: 'c-1', url: null, thread: { url: 'https://acme.example/outage', title: 'Outage' }, author: 'Priya', authorUrl: null, publishedAt: NOW, contentHtml: `<p>${text}</p>`, contentText: text };
}

describe('storing a fetch', () => {
  it('stores a comment repeated with an edit in one fetch once, searchable by its new text only', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(feedId) as Parameters<typeof storeOutcome>[1];
    const comments = [comment('The dashboard is down'), comment('The dashboard is back, thanks')];
    storeOutcome(db, feed, { status: 'ok', finalUrl: feed.url, etag: null, lastModified: null, feed: { title: 'Blog', siteUrl: null, kind: 'comments', comments, commentFeeds: [], skipped: 0, withheld: 0 } }, NOW);

    const found = async (search: string) => (await service.client['items-list']({ view: 'all', search, limit: 10 })).items.map((item) => item.excerpt);
    expect(await found('dashboard')).toEqual(['The dashboard is back, thanks']);
    expect(await found('down')).toEqual([]);
  });
});
