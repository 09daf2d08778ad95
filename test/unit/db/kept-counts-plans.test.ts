// The calls every console makes at launch and after every write (the sidebar's counts, the feed
// list) read the kept counts, never the comments: each statement they run is planned here, and
// none may scan the items table or search it by any index but the two that hold only the rows the
// call needs (comments awaiting a reply in the lane, for overdue; snoozes, for waking the due ones).
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/connection';
import { addFeed, addItem, memoryService } from '../../support/seed';

/** Every statement compiled on `db` while `call` runs (a fresh connection compiles each once). */
async function statementsOf(db: Db, call: () => Promise<unknown>): Promise<string[]> {
  const prepare = vi.spyOn(db, 'prepare');
  try {
    await call();
    return prepare.mock.calls.map(([sql]) => sql);
  } finally {
    prepare.mockRestore();
  }
}

/** The plan's lines that read the items table. */
function itemsReads(db: Db, sql: string): string[] {
  const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .filter((detail) => /\bitems\b/.test(detail));
}

const NARROW_INDEXES = /^SEARCH items USING (COVERING )?INDEX (items_overdue|items_snoozed_until) /;

describe('kept counts', () => {
  it('the sidebar and feed list read no comment rows but the due snoozes and the recent ones awaiting a reply', async () => {
    const service = memoryService();
    const { db } = service.context;
    addItem(db, { feedId: addFeed(db), status: 'snoozed' });
    const statements = [...(await statementsOf(db, () => service.client['views-counts']())), ...(await statementsOf(db, () => service.client['feeds-list']()))];
    expect(statements.length).toBeGreaterThan(0);
    const reads = statements.flatMap((sql) => itemsReads(db, sql));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((detail) => !NARROW_INDEXES.test(detail))).toEqual([]);
  });
});
