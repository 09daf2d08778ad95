// Property test (fast-check, seeded): the Inbox sorted by suggestion (service, spotlight, ignore,
// then none; the most confident first) and filtered by suggested lane pages through every matching
// comment exactly once, in that order, whatever the page size, ties of confidence included, and
// whichever feed or route filter is added (db/tables/items.ts: the keyset cursor on lane and confidence).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { listView, type ListRequest } from '../../../db/tables/items';
import { LANE_ORDER, writeSuggestion } from '../../../db/tables/suggestions';
import type { ItemSummary, SuggestedFilter } from '../../../common/types';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';
import path from 'node:path';

const comment = fc.record({
  // 0-2: a lane, 3: no suggestion, 4: not scored yet.
  lane: fc.nat(4),
  // Few values, so ties of confidence come up often.
  confidence: fc.constantFrom(0, 0.25, 0.6, 0.6, 0.9, 1),
  feed: fc.nat(1),
  status: fc.constantFrom('new', 'new', 'new', 'routed', 'snoozed'),
  back: fc.boolean(),
});

const request = fc.record({
  sort: fc.constantFrom('suggestion' as const, 'newest' as const, 'oldest' as const),
  suggested: fc.option(fc.constantFrom<SuggestedFilter>('service', 'spotlight', 'ignore', 'none'), { nil: undefined }),
  feed: fc.option(fc.nat(1), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 7 }),
});

/** The group a comment sorts in: its lane, 3 for no suggestion or none yet. */
const groupOf = (item: ItemSummary) => (item.suggestion?.route ? LANE_ORDER.indexOf(item.suggestion.route) : 3);

describe('the Inbox by suggestion', () => {
  it('pages through every matching comment exactly once, grouped by lane and most confident first', () => {
    const db = openDatabase(path.join(tempDir(), 'list.db'));
    fc.assert(
      fc.property(fc.array(comment, { maxLength: 40 }), request, (comments, wanted) => {
        db.exec('DELETE FROM items; DELETE FROM feeds;');
        const feeds = [addFeed(db, 'One'), addFeed(db, 'Two')];
        const all = comments.map((c, n) => {
          const id = addItem(db, { feedId: feeds[c.feed]!, text: `Comment ${n}`, status: c.status as 'new', route: c.status === 'new' ? null : 'service', publishedAt: Date.UTC(2026, 10, 1) + (n % 5) * 60_000 });
          if (c.back && c.status === 'new') db.prepare('UPDATE items SET back_from_snooze = 1 WHERE id = ?').run(id);
          if (c.lane < 4) writeSuggestion(db, id, { route: LANE_ORDER[c.lane] ?? null, confidence: c.confidence, reasons: [] }, 1);
          return { id, ...c };
        });
        const base: ListRequest = { view: 'inbox', sort: wanted.sort, limit: wanted.limit, suggested: wanted.suggested, feedId: wanted.feed === undefined ? undefined : feeds[wanted.feed] };
        const seen: ItemSummary[] = [];
        let cursor: ListRequest['cursor'];
        for (let pages = 0; pages <= all.length + 1; pages += 1) {
          const page = listView(db, { ...base, cursor });
          seen.push(...page.items);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        const suggestedGroup = wanted.suggested === undefined ? undefined : wanted.suggested === 'none' ? 3 : LANE_ORDER.indexOf(wanted.suggested);
        const expected = all.filter((c) => c.status === 'new' && (wanted.feed === undefined || c.feed === wanted.feed) && (suggestedGroup === undefined || Math.min(c.lane, 3) === suggestedGroup));
        expect(seen.map((item) => item.id).sort((a, b) => a - b)).toEqual(expected.map((c) => c.id));
        if (wanted.sort === 'suggestion') {
          // By group, then confidence, then the newest stored first.
          const order = [...seen].sort((a, b) => groupOf(a) - groupOf(b) || (b.suggestion?.confidence ?? 0) - (a.suggestion?.confidence ?? 0) || b.id - a.id);
          expect(seen.map((item) => item.id)).toEqual(order.map((item) => item.id));
        }
      }),
      { seed: 1414, numRuns: 150 },
    );
    db.close();
  });
});
