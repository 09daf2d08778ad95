// The team copy's writes of what the workspace's change log brings (main/features/team/apply.ts
// decides; this file holds the SQL). Comments and feeds keep the workspace's ids, so an id means
// the same comment on every desktop. All of it runs inside the apply transaction, between
// beginApplying and endApplying, so the outbox triggers of migration 015 leave it alone.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { CommentState, TeamComment, TeamFeed } from '../../common/team-wire';
import type { StoredSuggestion } from './suggestions';

/** From here to endApplying, writes are the server's, not the moderator's: no outbox rows. */
export function beginApplying(db: Db): void {
  prepared(db, 'INSERT OR IGNORE INTO team_applying (only) VALUES (1)').run();
}

export function endApplying(db: Db): void {
  prepared(db, 'DELETE FROM team_applying').run();
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The workspace's feed, under its id. The team server fetches it: here it never comes due (no
 * interval, fetched "now"), and the desktop's scheduler does not run in a team copy anyway.
 */
export function upsertTeamFeed(db: Db, feed: TeamFeed, now: number): void {
  if (feed.removed) {
    prepared(db, 'DELETE FROM items WHERE feed_id = ?').run(feed.id);
    prepared(db, "UPDATE feeds SET unsubscribed_at = ?, status = 'muted' WHERE id = ?").run(now, feed.id);
    return;
  }
  prepared(
    db,
    `INSERT INTO feeds (id, url, site, title, site_url, kind, interval_minutes, last_fetched_at, last_success_at, error_message, error_category, created_at)
     VALUES (@id, @url, @site, @title, @siteUrl, @kind, 0, @now, @lastSuccessAt, @errorMessage, CASE WHEN @errorMessage IS NULL THEN NULL ELSE 'team' END, @now)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, site_url = excluded.site_url, kind = excluded.kind,
       last_success_at = excluded.last_success_at, error_message = excluded.error_message, error_category = excluded.error_category,
       unsubscribed_at = NULL, status = 'active'`,
  ).run({ id: feed.id, url: feed.url, site: siteOf(feed.url), title: feed.title, siteUrl: feed.siteUrl, kind: feed.kind, lastSuccessAt: feed.lastSuccessAt, errorMessage: feed.errorMessage, now });
}

/** A comment's feed not (yet) in the copy: a placeholder under its id, named by the next 'feed' change. */
export function ensureTeamFeed(db: Db, feedId: number, now: number): string {
  prepared(db, `INSERT OR IGNORE INTO feeds (id, url, title, interval_minutes, last_fetched_at, created_at) VALUES (?, ?, '', 0, ?, ?)`).run(feedId, `urn:switchboard:team-feed:${feedId}`, now, now);
  return prepared<[number], { site: string }>(db, 'SELECT site FROM feeds WHERE id = ?').get(feedId)?.site ?? '';
}

export function teamCommentExists(db: Db, id: number): boolean {
  return prepared(db, 'SELECT 1 FROM items WHERE id = ?').get(id) !== undefined;
}

/** A new comment of the workspace, under its id, with its state and the suggestion scored here. */
export function insertTeamComment(db: Db, comment: TeamComment, threadId: number | null, suggestion: StoredSuggestion, now: number): void {
  const s = comment.state;
  prepared(
    db,
    `INSERT INTO items (id, feed_id, guid, thread_id, url, author, author_url, published_at, content_html, content_text, fetched_at, updated_at,
                        status, route, routed_at, snoozed_until, snooze_until_reply, back_from_snooze, note, service_state, service_exported_at,
                        resolution, answered_by, team_version, team_by, team_decided_at,
                        suggested_lane, suggested_confidence, suggestion_key, suggestion_reasons, scored_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM items WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    comment.id, comment.feedId, comment.guid, threadId, comment.url, comment.author, comment.authorUrl, comment.publishedAt, comment.contentHtml, comment.contentText, now, now,
    s.status, s.route, s.routed_at, s.snoozed_until, s.snooze_until_reply, s.back_from_snooze, s.note, s.service_state, s.service_exported_at,
    s.resolution, s.answered_by, comment.version, comment.updatedBy, comment.updatedBy === null ? null : comment.updatedAt,
    ...suggestion,
  );
}

/** An edited comment: its new text (the search index follows by trigger). */
export function updateTeamCommentContent(db: Db, comment: TeamComment, now: number): void {
  prepared(
    db,
    `UPDATE items SET content_html = @contentHtml, content_text = @contentText, author = @author, author_url = @authorUrl, url = @url, updated_at = @now
      WHERE id = @id AND (content_html IS NOT @contentHtml OR author IS NOT @author OR url IS NOT @url)`,
  ).run({ id: comment.id, contentHtml: comment.contentHtml, contentText: comment.contentText, author: comment.author, authorUrl: comment.authorUrl, url: comment.url, now });
}

/** The comment's version in this copy (-1 when it is not here). */
export function teamVersionOf(db: Db, id: number): number {
  return prepared<[number], { team_version: number }>(db, 'SELECT team_version FROM items WHERE id = ?').get(id)?.team_version ?? -1;
}

/** The workspace's state of a comment at `version`, decided by `by` at `at` (ms); nothing for a comment not in the copy (yet). */
export function setTeamState(db: Db, id: number, state: CommentState, version: number, by: string | null, at: number | null = null): void {
  prepared(
    db,
    `UPDATE items SET status = @status, route = @route, routed_at = @routed_at, snoozed_until = @snoozed_until, snooze_until_reply = @snooze_until_reply,
            back_from_snooze = @back_from_snooze, note = @note, service_state = @service_state, service_exported_at = @service_exported_at,
            resolution = @resolution, answered_by = (SELECT id FROM items WHERE id = @answered_by), team_version = @version, team_by = @by,
            team_decided_at = @at
      WHERE id = @id`,
  ).run({ ...state, version, by, at, id });
}

/** A comment's reply draft as the workspace holds it (null: none). */
export function setTeamDraft(db: Db, itemId: number, draft: { body: string; templates: string[] } | null, now: number): void {
  if (!draft) {
    prepared(db, 'DELETE FROM drafts WHERE item_id = ?').run(itemId);
    return;
  }
  prepared(
    db,
    `INSERT INTO drafts (item_id, body, templates, created_at, updated_at) SELECT @itemId, @body, @templates, @now, @now WHERE EXISTS (SELECT 1 FROM items WHERE id = @itemId)
     ON CONFLICT (item_id) DO UPDATE SET body = excluded.body, templates = excluded.templates, updated_at = excluded.updated_at`,
  ).run({ itemId, body: draft.body, templates: JSON.stringify(draft.templates), now });
}
