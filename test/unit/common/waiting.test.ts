// One overdue rule: the list's and the composer's isOverdue and the SQL behind the sidebar's
// overdue count and the dashboard agree on every kind of comment.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { countOverdue } from '../../../db/tables/items';
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
    expect(flagged.length).toBe(3); // routed to service, open / drafted / ready, 30 hours old
    expect(countOverdue(db, overdueBefore(NOW, 24))).toBe(flagged.length);
    db.close();
  });
});
