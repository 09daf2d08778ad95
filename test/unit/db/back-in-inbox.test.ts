// Comments back from a snooze lead the Inbox (issue 13), and every one of them is listed once,
// however many came back at once: a moderator who snoozed 130 comments until Monday finds all 130
// at the top on Monday, then the rest of the Inbox, page after page, none twice and none missing.
import { describe, expect, it } from 'vitest';
import type { ItemPage, PageCursor } from '../../../common/types';
import { addFeed, addItem, memoryService } from '../../support/seed';

async function everyPage(service: ReturnType<typeof memoryService>, sort: 'newest' | 'oldest'): Promise<{ pages: number[]; ids: number[] }> {
  const ids: number[] = [];
  const pages: number[] = [];
  let cursor: PageCursor | null = null;
  do {
    const page: ItemPage = await service.client['items-list']({ view: 'inbox', sort, limit: 100, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.length);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return { pages, ids };
}

describe('the Inbox with comments back from a snooze', () => {
  it('lists more of them than a page holds first, then the rest, each once, in pages of the size asked', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    const regular = Array.from({ length: 150 }, (_, n) => addItem(db, { feedId, text: `Comment ${n}`, publishedAt: Date.UTC(2026, 10, 1) + n * 60_000 }));
    const back = Array.from({ length: 130 }, (_, n) => addItem(db, { feedId, text: `Snoozed ${n}`, publishedAt: Date.UTC(2026, 9, 1) + n * 60_000 }));
    db.prepare('UPDATE items SET back_from_snooze = 1 WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(back));

    for (const sort of ['newest', 'oldest'] as const) {
      const { pages, ids } = await everyPage(service, sort);
      expect(pages.every((size) => size <= 100), `${sort}: pages of ${pages.join(', ')}`).toBe(true);
      expect(new Set(ids).size, `${sort}: a comment listed twice`).toBe(ids.length);
      expect(ids.length).toBe(280);
      // Every comment back from its snooze comes before every other one.
      expect(new Set(ids.slice(0, 130))).toEqual(new Set(back));
      expect(new Set(ids.slice(130))).toEqual(new Set(regular));
    }
    await service.close();
  });
});
