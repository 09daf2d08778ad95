// One overdue rule: the list's and the composer's isOverdue and the SQL behind the sidebar's
// overdue count and the dashboard agree on every kind of comment (the count keeping to the lane).
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { countOverdue } from '../../../db/tables/item-counts';
import { isOverdue, overdueBefore } from '../../../common/waiting';
import { addFeed, addItem } from '../../support/seed';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 12);

describe('overdue', () => {
  it('counts in SQL exactly the comments isOverdue flags', () => {
    const db = openDatabase(':memory:');
    const feedId = addFeed(db);
    const comments = [];
    for (const status of ['new', 'routed', 'snoozed', 'done'] as const) {
      for (const route of [null, 'service', 'spotlight'] as const) {
        for (const serviceState of [null, 'open', 'drafted', 'ready', 'exported', 'resolved'] as const) {
          for (const age of [2, 30]) {
            const publishedAt = NOW - age * HOUR;
            const id = addItem(db, { feedId, status, route, publishedAt });
            db.prepare('UPDATE items SET service_state = ? WHERE id = ?').run(serviceState, id);
            comments.push({ id, status, route, serviceState, publishedAt: new Date(publishedAt).toISOString() });
          }
        }
      }
    }
    const flagged = comments.filter((comment) => isOverdue(comment, 24, NOW));
    // Routed to service, open / drafted / ready, 30 hours old: in the lane, snoozed, or back in the Inbox.
    expect(flagged.map((comment) => comment.status)).toEqual(['new', 'new', 'new', 'routed', 'routed', 'routed', 'snoozed', 'snoozed', 'snoozed']);
    // The sidebar counts the ones in the Customer service view.
    expect(countOverdue(db, overdueBefore(NOW, 24))).toBe(flagged.filter((comment) => comment.status === 'routed').length);
    db.close();
  });
});
