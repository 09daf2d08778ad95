// Milestones worth a spotlight: a member's first comment, their 3rd and 10th community answer,
// and their return after 90 days away. Each names the comment it happened on.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { answersOfMember } from './community-answers';
import type { Milestone } from '../../common/types';
import { iso } from '../../common/time';

const AWAY = 90 * 24 * 60 * 60_000;

/** A member's milestones, oldest first: first comment, returns after 90 days away, 3rd and 10th community answer. */
export function milestonesOf(db: Db, memberId: number, name: string): Milestone[] {
  const mine = 'author IN (SELECT author FROM member_aliases WHERE member_id = ?)';
  const comments = prepared<[number], { id: number; published_at: number }>(db, `SELECT id, published_at FROM items WHERE ${mine} ORDER BY published_at, id`).all(memberId);
  const answers = answersOfMember(db, memberId);
  const found: Milestone[] = [];
  const first = comments[0];
  if (first) found.push({ itemId: first.id, kind: 'first-comment', label: `${name}: first comment`, at: iso(first.published_at) });
  for (let index = 1; index < comments.length; index += 1) {
    const previous = comments[index - 1] as { published_at: number };
    const current = comments[index] as { id: number; published_at: number };
    if (current.published_at - previous.published_at >= AWAY) found.push({ itemId: current.id, kind: 'returned', label: `${name}: back after ${Math.floor((current.published_at - previous.published_at) / (24 * 60 * 60_000))} days away`, at: iso(current.published_at) });
  }
  const third = answers[2];
  if (third) found.push({ itemId: third.id, kind: 'third-answer', label: `${name}: 3rd community answer`, at: iso(third.at) });
  const tenth = answers[9];
  if (tenth) found.push({ itemId: tenth.id, kind: 'tenth-answer', label: `${name}: 10th community answer`, at: iso(tenth.at) });
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/** The milestone labels of some comments (for the queue's rows), by comment id. */
export function milestoneLabels(db: Db, items: { id: number; author: string }[]): Map<number, string> {
  const labels = new Map<number, string>();
  const authors = [...new Set(items.map((item) => item.author))];
  if (authors.length === 0) return labels;
  const members = new Map(
    db
      .prepare<string[], { member_id: number; name: string }>(
        `SELECT DISTINCT a.member_id, m.name FROM member_aliases a JOIN members m ON m.id = a.member_id WHERE a.author IN (${authors.map(() => '?').join(', ')})`,
      )
      .all(...authors)
      .map((row) => [row.member_id, row.name] as const),
  );
  const wanted = new Set(items.map((item) => item.id));
  for (const [id, name] of members) {
    for (const milestone of milestonesOf(db, id, name)) if (wanted.has(milestone.itemId) && milestone.kind !== 'first-comment') labels.set(milestone.itemId, milestone.label);
  }
  return labels;
}
