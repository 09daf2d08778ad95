// One view table makes both the SQL the queue runs and the predicate the console uses to drop a
// comment from the view on screen: for every status and route a comment can have, they agree.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { VIEW_NAMES } from '../../../common/types';
import { isInView, viewClause } from '../../../common/views';
import { addFeed, addItem } from '../../support/seed';

const STATUSES = ['new', 'routed', 'snoozed', 'done'] as const;
const ROUTES = [null, 'service', 'spotlight', 'ignore'] as const;

describe('views', () => {
  it('select in SQL exactly the comments the console predicate keeps, for every status and route', () => {
    const db = openDatabase(':memory:');
    const feedId = addFeed(db);
    const places = STATUSES.flatMap((status) => ROUTES.map((route) => ({ status, route, id: addItem(db, { feedId, status, route }) })));
    for (const view of VIEW_NAMES) {
      const inSql = db.prepare(`SELECT id FROM items i WHERE ${viewClause(view)} ORDER BY id`).pluck().all();
      const inConsole = places.filter((place) => isInView(view, place)).map((place) => place.id);
      expect({ view, ids: inSql }).toEqual({ view, ids: inConsole });
    }
    db.close();
  });

  it('put a routed comment in its lane only, and every comment in All', () => {
    expect(VIEW_NAMES.filter((view) => isInView(view, { status: 'routed', route: 'spotlight' }))).toEqual(['spotlight', 'all']);
    expect(VIEW_NAMES.filter((view) => isInView(view, { status: 'routed', route: 'ignore' }))).toEqual(['ignored', 'all']);
    expect(VIEW_NAMES.filter((view) => isInView(view, { status: 'new', route: null }))).toEqual(['inbox', 'all']);
  });
});
