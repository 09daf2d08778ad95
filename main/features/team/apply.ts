// Applies a batch of the workspace's change log to this desktop's copy, in ONE transaction with the
// cursor, so a crash leaves either all of it or none (and the next read starts where the cursor
// says). Every change carries its whole new value, so applying one twice changes nothing.
import type { Db } from '../../../db/connection';
import { writeTransaction } from '../../../db/write';
import { upsertThread } from '../../../db/tables/threads';
import { recordOthersChange } from '../../../db/tables/audit-log';
import { indexComment, type IndexedComment } from '../../../db/search-index';
import { readTeamLink, setTeamCursor, markTeamRevoked } from '../../../db/tables/team-link';
import { storeLease } from '../../../db/tables/team-leases';
import { stateWaiting, draftWaiting } from '../../../db/tables/team-outbox';
import { storeModerator } from '../../../db/tables/team-people';
import {
  beginApplying,
  endApplying,
  ensureTeamFeed,
  insertTeamComment,
  setTeamDraft,
  setTeamState,
  teamCommentExists,
  teamVersionOf,
  updateTeamCommentContent,
  upsertTeamFeed,
} from '../../../db/tables/team-copy';
import type { TeamChange, TeamComment } from '../../../common/team-wire';
import { announceChange } from '../../core/changes';
import type { ArrivingComment } from '../../core/new-comments';
import type { TeamContext } from './context';
import { REVOKED_MESSAGE } from './messages';

export interface Applied {
  /** Comments (their content or state) changed in the copy. */
  items: boolean;
  /** Comments whose state others' decisions changed, and who made them. */
  decided: Map<number, string | null>;
  feeds: boolean;
  /** Leases, people or this desktop's standing changed. */
  team: boolean;
}

type CommentChange = Extract<TeamChange, { kind: 'comment' }>;

/** A state from the log, unless this copy has it already or the moderator's own decision on it is still waiting. */
function applyState(db: Db, commentId: number, version: number, state: TeamComment['state'], by: string | null, at: number, applied: Applied): boolean {
  const had = teamVersionOf(db, commentId);
  if (version <= had || stateWaiting(db, commentId)) return false;
  setTeamState(db, commentId, state, version, by, at);
  // A comment arriving with its state is no decision made since anything here.
  if (had >= 0) applied.decided.set(commentId, by);
  return true;
}

/** Comments of a run of 'comment' changes: the new ones threaded, scored and indexed together, as a fetch stores its batch. */
function applyComments(ctx: TeamContext, run: CommentChange[], now: number, applied: Applied): void {
  const { db } = ctx;
  const fresh: { comment: TeamComment; arriving: ArrivingComment }[] = [];
  for (const { comment } of run) {
    if (teamCommentExists(db, comment.id)) {
      updateTeamCommentContent(db, comment, now);
      applyState(db, comment.id, comment.version, comment.state, comment.updatedBy, comment.updatedAt, applied);
    } else if (!fresh.some((seen) => seen.comment.id === comment.id)) {
      const site = ensureTeamFeed(db, comment.feedId, now);
      // Threads are this copy's own rows, keyed by their address within the feed's site as a fetch keys them.
      const thread = comment.threadUrl ? upsertThread(db, site, comment.threadUrl, comment.threadTitle, now) : null;
      fresh.push({
        comment,
        arriving: { guid: comment.guid, feedId: comment.feedId, threadId: thread?.id ?? null, threadTitle: thread?.title ?? '', author: comment.author, text: comment.contentText, publishedAt: comment.publishedAt },
      });
    }
    storeLease(db, comment.id, comment.lease);
  }
  applied.items = true;
  if (fresh.length === 0) return;
  // Scored with the suggestions' own port (rules vote; they do not act: routing a workspace comment
  // is a moderator's decision, made once for the team, not by each desktop's rules).
  const batch = ctx.arrivals(db, fresh.map((entry) => entry.arriving), now);
  const unindexed: IndexedComment[] = [];
  for (const { comment, arriving } of fresh) {
    insertTeamComment(db, comment, arriving.threadId, batch.suggestionFor(arriving), now);
    unindexed.push({ id: comment.id, text: arriving.text, author: arriving.author, threadTitle: arriving.threadTitle, feedId: arriving.feedId, publishedAt: arriving.publishedAt });
  }
  // Indexed once all are stored (an insert's savepoint flushes FTS5's pending writes: see feeds/store.ts).
  for (const entry of unindexed) indexComment(db, entry);
}

function applyOne(ctx: TeamContext, change: Exclude<TeamChange, CommentChange>, moderatorId: number, now: number, applied: Applied): void {
  const { db } = ctx;
  switch (change.kind) {
    case 'state':
      if (applyState(db, change.commentId, change.version, change.state, change.by, change.at, applied)) applied.items = true;
      return;
    case 'lease':
      storeLease(db, change.commentId, change.lease);
      applied.items = true;
      applied.team = true;
      return;
    case 'draft':
      if (!draftWaiting(db, change.commentId)) setTeamDraft(db, change.commentId, change.draft, now);
      applied.items = true;
      return;
    case 'feed':
      upsertTeamFeed(db, change.feed, now);
      applied.feeds = true;
      applied.items = true;
      return;
    case 'moderator':
      storeModerator(db, change.moderator, now);
      if (change.moderator.id === moderatorId && change.moderator.revoked) markTeamRevoked(db, REVOKED_MESSAGE, now);
      applied.team = true;
      return;
  }
}

/**
 * Applies the changes after this copy's cursor, in order, and moves the cursor to the last one, in
 * one transaction; then tells every door what changed. Changes at or before the cursor are skipped.
 */
export function applyChanges(ctx: TeamContext, changes: readonly TeamChange[]): Applied {
  const applied: Applied = { items: false, decided: new Map(), feeds: false, team: false };
  const now = ctx.now();
  writeTransaction(ctx.db, () => {
    const link = readTeamLink(ctx.db);
    if (!link) return;
    const fresh = changes.filter((change) => change.seq > link.cursor);
    if (fresh.length === 0) return;
    beginApplying(ctx.db);
    for (let k = 0; k < fresh.length; ) {
      const change = fresh[k]!;
      if (change.kind !== 'comment') {
        applyOne(ctx, change, link.moderatorId, now, applied);
        k += 1;
        continue;
      }
      const run: CommentChange[] = [];
      while (k < fresh.length && fresh[k]!.kind === 'comment') run.push(fresh[k++] as CommentChange);
      applyComments(ctx, run, now, applied);
    }
    recordOthersChange(ctx.db, [...applied.decided.keys()], [...new Set([...applied.decided.values()].filter((by) => by !== null))] as string[], now);
    setTeamCursor(ctx.db, Math.max(...fresh.map((change) => change.seq)), now);
    endApplying(ctx.db);
  });
  if (applied.items) announceChange(ctx, 'team');
  if (applied.feeds) ctx.events.emit('feeds-changed', {});
  if (applied.team) ctx.events.emit('team-changed', {});
  return applied;
}
