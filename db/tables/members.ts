// Members: one record per person, built from the author names of every feed. Two records can be
// merged when one person writes under several names or sites, and split again.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { answerCountOfMember } from './community-answers';
import { SwitchboardError } from '../../common/errors';
import type { Member, MemberStats } from '../../common/types';
import { isoOrNull } from '../../common/time';
import { writeTransaction } from '../write';

/**
 * Gives every author name that has none a member of its own: all of them (before member reads),
 * or those of the comments given by id (as new comments are stored, without reading every
 * comment again; one statement for a batch, where a lookup per name cost more than storing a
 * comment at 1M).
 */
export function syncMembers(db: Db, now: number, itemIds?: readonly number[]): void {
  const missing = itemIds
    ? prepared<[string], { author: string }>(
        db,
        `SELECT author FROM items WHERE id IN (SELECT value FROM json_each(?)) AND author <> ''
            AND NOT EXISTS (SELECT 1 FROM member_aliases a WHERE a.author = items.author)
          GROUP BY author ORDER BY min(id)`,
      ).all(JSON.stringify(itemIds))
    : prepared<[], { author: string }>(db, `SELECT DISTINCT author FROM items WHERE author <> '' AND author NOT IN (SELECT author FROM member_aliases)`).all();
  if (missing.length === 0) return;
  const member = prepared(db, 'INSERT INTO members (name, created_at) VALUES (?, ?)');
  const alias = prepared(db, 'INSERT INTO member_aliases (author, member_id, original_member_id) VALUES (?, ?, ?)');
  writeTransaction(db, () => {
    for (const { author } of missing) {
      const id = Number(member.run(author, now).lastInsertRowid);
      alias.run(author, id, id);
    }
  });
}

/** The author names that count for a member, alphabetically. */
function aliasesOf(db: Db, memberId: number): string[] {
  return prepared<[number], { author: string }>(db, 'SELECT author FROM member_aliases WHERE member_id = ? ORDER BY author').all(memberId).map((row) => row.author);
}

/** The member an author name belongs to; null if it has none yet (syncMembers gives it one). */
export function memberOfAuthor(db: Db, author: string): number | null {
  return prepared<[string], { member_id: number }>(db, 'SELECT member_id FROM member_aliases WHERE author = ?').get(author)?.member_id ?? null;
}

/** A member's numbers, optionally counting only activity since `since` (ms). */
function memberStats(db: Db, memberId: number, since = 0): MemberStats {
  const mine = `i.author IN (SELECT author FROM member_aliases WHERE member_id = @member)`;
  const row = prepared<{ member: number; since: number }, { comments: number; first: number | null; last: number | null; service: number }>(db, 
      `SELECT COUNT(*) AS comments, MIN(published_at) AS first, MAX(published_at) AS last, COALESCE(SUM(route = 'service'), 0) AS service
         FROM items i WHERE ${mine} AND i.published_at >= @since`,
    )
    .get({ member: memberId, since });
  const actions = prepared<{ member: number; since: number }, { action: string; n: number }>(db, 
      `SELECT a.action, COUNT(*) AS n FROM spotlight_actions a JOIN items i ON i.id = a.item_id WHERE ${mine} AND a.at >= @since GROUP BY a.action`,
    )
    .all({ member: memberId, since });
  const count = (action: string) => actions.find((entry) => entry.action === action)?.n ?? 0;
  const feeds = prepared<{ member: number; since: number }, { title: string }>(db, 
      `SELECT DISTINCT f.title FROM items i JOIN feeds f ON f.id = i.feed_id WHERE ${mine} AND i.published_at >= @since ORDER BY f.title`,
    )
    .all({ member: memberId, since })
    .map((feed) => feed.title);
  return {
    comments: row?.comments ?? 0,
    featured: count('feature'),
    thanked: count('thank'),
    communityAnswers: answerCountOfMember(db, memberId, since),
    serviceRequests: row?.service ?? 0,
    firstSeen: isoOrNull(row?.first ?? null),
    lastSeen: isoOrNull(row?.last ?? null),
    feeds,
  };
}

/** A member (the one it is merged into, if merged), with the numbers of its activity since `since`. */
export function getMember(db: Db, id: number, since = 0): Member {
  const row = prepared<[number], { id: number; name: string; note: string | null; merged_into: number | null }>(db, 'SELECT id, name, note, merged_into FROM members WHERE id = ?').get(id);
  if (!row) throw new SwitchboardError('not-found', 'members', `there is no member with id ${id}; "switchboard members" lists them`);
  if (row.merged_into !== null) return getMember(db, row.merged_into, since);
  return { id: row.id, name: row.name, aliases: aliasesOf(db, row.id), note: row.note, stats: memberStats(db, row.id, since) };
}

/** The members merged into this one (split would part them again), by name. */
export function membersMergedInto(db: Db, memberId: number): { id: number; name: string }[] {
  return prepared<[number], { id: number; name: string }>(db, 'SELECT id, name FROM members WHERE merged_into = ? ORDER BY name').all(memberId);
}

/** Members active since `since`, the most helpful first (community answers, then featured, then comments). */
export function listMembers(db: Db, since: number, now: number): Member[] {
  syncMembers(db, now);
  const ids = prepared<{ since: number }, { id: number }>(db, 
      `SELECT DISTINCT m.id FROM members m JOIN member_aliases a ON a.member_id = m.id JOIN items i ON i.author = a.author
        WHERE m.merged_into IS NULL AND i.published_at >= @since`,
    )
    .all({ since })
    .map((row) => row.id);
  const members = ids.map((id) => getMember(db, id, since));
  return members.sort(
    (a, b) => b.stats.communityAnswers - a.stats.communityAnswers || b.stats.featured - a.stats.featured || b.stats.comments - a.stats.comments || a.name.localeCompare(b.name),
  );
}

/** Merges `fromId` into `intoId`: its names now count for the other record. Split undoes it. */
export function mergeMembers(db: Db, intoId: number, fromId: number): Member {
  if (intoId === fromId) throw new SwitchboardError('invalid-input', 'members', 'a member cannot be merged into itself');
  const into = getMember(db, intoId);
  const from = getMember(db, fromId);
  if (into.id === from.id) throw new SwitchboardError('conflict', 'members', `${from.name} is already part of ${into.name}`);
  writeTransaction(db, () => {
    prepared(db, 'UPDATE member_aliases SET member_id = ? WHERE member_id = ?').run(into.id, from.id);
    prepared(db, 'UPDATE members SET merged_into = ? WHERE id = ? OR merged_into = ?').run(into.id, from.id, from.id);
  });
  return getMember(db, into.id);
}

/** Splits a merged member off again, with the names it came with. */
export function splitMember(db: Db, id: number): Member {
  const row = prepared<[number], { merged_into: number | null }>(db, 'SELECT merged_into FROM members WHERE id = ?').get(id);
  if (!row) throw new SwitchboardError('not-found', 'members', `there is no member with id ${id}`);
  if (row.merged_into === null) throw new SwitchboardError('invalid-input', 'members', `member ${id} is not merged into another`);
  writeTransaction(db, () => {
    prepared(db, 'UPDATE member_aliases SET member_id = ? WHERE original_member_id = ?').run(id, id);
    prepared(db, 'UPDATE members SET merged_into = NULL WHERE id = ?').run(id);
  });
  return getMember(db, id);
}

/** Sets the private note on a member (or the one it is merged into); a blank note clears it. */
export function setMemberNote(db: Db, id: number, note: string): Member {
  const member = getMember(db, id);
  prepared(db, 'UPDATE members SET note = ? WHERE id = ?').run(note.trim() === '' ? null : note, member.id);
  return getMember(db, member.id);
}
