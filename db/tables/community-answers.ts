// A community answer, defined once: a comment the moderator marked as the answer to a question in
// the spotlight, or the comment a customer-service question was resolved by ("answered by the
// community"). Counted once per comment, at the first time it counted: its marking, or its being
// written when it resolved a question. Milestones, the members board and the dashboard all read it
// through the functions below, which differ only in the filters they push into it.
import type { Db } from '../connection';
import { prepared } from '../statements';

/**
 * The answers as (item_id, at) rows. `helperFilter` is a condition on the answering comment
 * (`i`), applied inside both branches so SQLite filters by index before grouping, not after
 * building every answer of every member. With a filter, the answering comments it picks (a
 * member's, by items_by_author; a page's, by id) drive the join (CROSS JOIN fixes SQLite's
 * order): left to choose, SQLite walked every 'answer' action first, 16 ms a member at 1M.
 */
function answersSql(helperFilter?: string): string {
  const marked = helperFilter
    ? `FROM items i CROSS JOIN spotlight_actions a ON a.item_id = i.id WHERE a.action = 'answer' AND ${helperFilter}`
    : `FROM spotlight_actions a JOIN items i ON i.id = a.item_id WHERE a.action = 'answer'`;
  return `SELECT item_id, MIN(at) AS at FROM (
      SELECT a.item_id, a.at ${marked}
      UNION ALL
      SELECT i.id AS item_id, i.published_at AS at FROM items question JOIN items i ON i.id = question.answered_by
       WHERE question.resolution = 'answered-by-community' AND ${helperFilter ?? '1 = 1'}
    ) GROUP BY item_id`;
}

const BY_MEMBER = 'i.author IN (SELECT author FROM member_aliases WHERE member_id = @member)';

/** A member's community answers, in the order they first counted. */
export function answersOfMember(db: Db, memberId: number): { id: number; at: number }[] {
  return prepared<{ member: number }, { id: number; at: number }>(db, `SELECT item_id AS id, at FROM (${answersSql(BY_MEMBER)}) ORDER BY at, item_id`).all({ member: memberId });
}

/** How many of a member's community answers first counted at or after `since` (ms). */
export function answerCountOfMember(db: Db, memberId: number, since: number): number {
  return prepared<{ member: number; since: number }, { n: number }>(db, `SELECT COUNT(*) AS n FROM (${answersSql(BY_MEMBER)}) WHERE at >= @since`).get({ member: memberId, since })?.n ?? 0;
}

/** When each community answer that first counted from `from` up to `to` (ms) did. */
export function answerTimesBetween(db: Db, from: number, to: number): number[] {
  return prepared<{ from: number; to: number }, { at: number }>(db, `SELECT at FROM (${answersSql()}) WHERE at >= @from AND at < @to`)
    .all({ from, to })
    .map((row) => row.at);
}

/** Which of these comments are community answers: a page's rows, found by id (milestone labels). */
export function answersAmong(db: Db, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = prepared<{ ids: string }, { item_id: number }>(db, `SELECT item_id FROM (${answersSql('i.id IN (SELECT value FROM json_each(@ids))')})`).all({ ids: JSON.stringify(ids) });
  return new Set(rows.map((row) => row.item_id));
}
