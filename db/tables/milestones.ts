// Milestones worth a spotlight: a member's first comment, their 3rd and 10th community answer,
// and their return after 90 days away. Each names the comment it happened on.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { answersAmong, answersOfMember } from './community-answers';
import type { Milestone } from '../../common/types';
import { iso } from '../../common/time';

const AWAY = 90 * 24 * 60 * 60_000;
const DAY = 24 * 60 * 60_000;
const MINE = 'author IN (SELECT author FROM member_aliases WHERE member_id = @member)';

interface Dated {
  id: number;
  published_at: number;
}

/** The one rule for a return: a comment `current` whose member's comment before it (`previousAt`) is 90 days older or more. */
function returnAfter(name: string, previousAt: number | null, current: Dated): Milestone | null {
  if (previousAt === null || current.published_at - previousAt < AWAY) return null;
  const days = Math.floor((current.published_at - previousAt) / DAY);
  return { itemId: current.id, kind: 'returned', label: `${name}: back after ${days} days away`, at: iso(current.published_at) };
}

/** The 3rd and 10th community answers of a member. */
function answerMilestones(db: Db, memberId: number, name: string): Milestone[] {
  const answers = answersOfMember(db, memberId);
  const found: Milestone[] = [];
  const third = answers[2];
  if (third) found.push({ itemId: third.id, kind: 'third-answer', label: `${name}: 3rd community answer`, at: iso(third.at) });
  const tenth = answers[9];
  if (tenth) found.push({ itemId: tenth.id, kind: 'tenth-answer', label: `${name}: 10th community answer`, at: iso(tenth.at) });
  return found;
}

/** A member's milestones, oldest first: first comment, returns after 90 days away, 3rd and 10th community answer. */
export function milestonesOf(db: Db, memberId: number, name: string): Milestone[] {
  const comments = prepared<{ member: number }, Dated>(db, `SELECT id, published_at FROM items WHERE ${MINE} ORDER BY published_at, id`).all({ member: memberId });
  const found: Milestone[] = [];
  const first = comments[0];
  if (first) found.push({ itemId: first.id, kind: 'first-comment', label: `${name}: first comment`, at: iso(first.published_at) });
  for (let index = 1; index < comments.length; index += 1) {
    const returned = returnAfter(name, comments[index - 1]!.published_at, comments[index]!);
    if (returned) found.push(returned);
  }
  found.push(...answerMilestones(db, memberId, name));
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * When the member's comment before this one was published (in the order milestonesOf reads
 * them: time, then id), or null for their first. One index seek per alias, so a queue row costs
 * the same however long the author's history.
 */
function previousCommentAt(db: Db, memberId: number, comment: Dated): number | null {
  const at = { member: memberId, at: comment.published_at };
  const tied = prepared<typeof at & { id: number }, { n: number }>(db, `SELECT 1 AS n FROM items WHERE ${MINE} AND published_at = @at AND id < @id LIMIT 1`).get({ ...at, id: comment.id });
  if (tied) return comment.published_at;
  const before = prepared<typeof at, { at: number | null }>(
    db,
    'SELECT MAX((SELECT MAX(published_at) FROM items i WHERE i.author = a.author AND i.published_at < @at)) AS at FROM member_aliases a WHERE a.member_id = @member',
  ).get(at);
  return before?.at ?? null;
}

/** The milestone labels of some comments (for the queue's rows), by comment id. A first comment is not labelled. */
export function milestoneLabels(db: Db, items: { id: number; author: string }[]): Map<number, string> {
  const labels = new Map<number, string>();
  const authors = [...new Set(items.map((item) => item.author))];
  if (authors.length === 0) return labels;
  const members = db
    .prepare<string[], { member_id: number; name: string; author: string }>(
      `SELECT a.member_id, m.name, a.author FROM member_aliases a JOIN members m ON m.id = a.member_id WHERE a.author IN (${authors.map(() => '?').join(', ')})`,
    )
    .all(...authors);
  // A 3rd or 10th answer can only be on a comment that is an answer: only the members who wrote
  // one of those on this page need their answers read (most pages have none).
  const answers = answersAmong(db, items.map((item) => item.id));
  const dated = prepared<[string], Dated>(db, 'SELECT id, published_at FROM items WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published_at, id');
  for (const [memberId, name] of new Map(members.map((row) => [row.member_id, row.name] as const))) {
    const spelled = new Set(members.filter((row) => row.member_id === memberId).map((row) => row.author));
    const mine = dated.all(JSON.stringify(items.filter((item) => spelled.has(item.author)).map((item) => item.id)));
    const found = mine.flatMap((comment) => returnAfter(name, previousCommentAt(db, memberId, comment), comment) ?? []);
    const wanted = new Set(mine.map((comment) => comment.id));
    if (mine.some((comment) => answers.has(comment.id))) found.push(...answerMilestones(db, memberId, name).filter((milestone) => wanted.has(milestone.itemId)));
    // Oldest first, as milestonesOf orders them: where one comment has two, the later one shows.
    for (const milestone of found.sort((a, b) => a.at.localeCompare(b.at))) labels.set(milestone.itemId, milestone.label);
  }
  return labels;
}
