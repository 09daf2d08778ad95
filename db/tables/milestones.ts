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
 * The page's comments with their member and when that member's comment before each was published
 * (in the order milestonesOf reads them: time, then id; null for their first). One statement for
 * the page: per comment and alias, one seek back in items_by_author (author, published_at, id),
 * so a row costs the same however long the author's history.
 */
const WITH_PREVIOUS = `SELECT p.id, p.published_at, a.member_id, m.name,
    (SELECT MAX((SELECT j.published_at FROM items j WHERE j.author = other.author AND (j.published_at, j.id) < (p.published_at, p.id)
                  ORDER BY j.published_at DESC, j.id DESC LIMIT 1))
       FROM member_aliases other WHERE other.member_id = a.member_id) AS previous_at
  FROM items p JOIN member_aliases a ON a.author = p.author JOIN members m ON m.id = a.member_id
 WHERE p.id IN (SELECT value FROM json_each(?))`;

/** The milestone labels of some comments (for the queue's rows), by comment id. A first comment is not labelled. */
export function milestoneLabels(db: Db, items: { id: number }[]): Map<number, string> {
  const labels = new Map<number, string>();
  if (items.length === 0) return labels;
  const ids = JSON.stringify(items.map((item) => item.id));
  const rows = prepared<[string], Dated & { member_id: number; name: string; previous_at: number | null }>(db, WITH_PREVIOUS).all(ids);
  const found = rows.flatMap((row) => returnAfter(row.name, row.previous_at, row) ?? []);
  // A 3rd or 10th answer can only be on a comment that is an answer: only the members who wrote
  // one of those on this page need their answers read (most pages have none).
  const answers = answersAmong(db, items.map((item) => item.id));
  const answering = new Map(rows.filter((row) => answers.has(row.id)).map((row) => [row.member_id, row.name] as const));
  for (const [memberId, name] of answering) found.push(...answerMilestones(db, memberId, name).filter((milestone) => answers.has(milestone.itemId)));
  // Oldest first, as milestonesOf orders them: where one comment has two, the later one shows.
  for (const milestone of found.sort((a, b) => a.at.localeCompare(b.at))) labels.set(milestone.itemId, milestone.label);
  return labels;
}
