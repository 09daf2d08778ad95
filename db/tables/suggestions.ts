// Each comment's routing suggestion as stored on its row (migration 013): the suggested lane as a
// sort group, the confidence, the reasons, the model version it was scored with, and the one sort
// key the Inbox pages by. The model's version lives here too: every process compares it with the
// one its cached model was loaded at.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Route, Suggestion } from '../../common/types';
import { rulesVersion } from './routing-rules';

/** The lanes in the order the Inbox groups them (0, 1, 2); no suggestion is group 3. */
export const LANE_ORDER: readonly Route[] = ['service', 'spotlight', 'ignore'];
export const NO_LANE = 3;

export function laneOf(route: Route | null): number {
  return route === null ? NO_LANE : LANE_ORDER.indexOf(route);
}

/**
 * The one number "by lane, most confident first" sorts by, descending: a lane's keys lie in
 * [(3 - lane) * 2, (3 - lane) * 2 + 1], above every later lane's. Computed here only, for the row
 * and for a cursor's lane and confidence alike, so a cursor finds its row's key exactly.
 */
export function suggestionKey(lane: number, confidence: number): number {
  return (NO_LANE - lane) * 2 + confidence;
}

/** The lowest and highest key of one suggested lane (a filter by lane within the suggestion sort). */
export function laneKeyRange(lane: number): { low: number; high: number } {
  return { low: suggestionKey(lane, 0), high: suggestionKey(lane, 1) };
}

/** The suggestion columns as a list reads them (db/tables/items.ts). */
export const SUGGESTION_COLUMNS = 'i.suggested_lane, i.suggested_confidence, i.suggestion_reasons, i.scored_version';

export interface SuggestionColumns {
  suggested_lane: number;
  suggested_confidence: number;
  suggestion_reasons: string | null;
  scored_version: number | null;
}

/** The stored suggestion; null for a comment not scored yet. */
export function suggestionOf(row: SuggestionColumns): Suggestion | null {
  if (row.scored_version === null) return null;
  return { route: LANE_ORDER[row.suggested_lane] ?? null, confidence: row.suggested_confidence, reasons: row.suggestion_reasons === null ? [] : (JSON.parse(row.suggestion_reasons) as string[]) };
}

/** The stored suggestions of these comments (a comment that is gone is left out). */
export function storedSuggestions(db: Db, ids: readonly number[]): { id: number; suggestion: Suggestion | null }[] {
  return prepared<[string], SuggestionColumns & { id: number }>(
    db,
    'SELECT id, suggested_lane, suggested_confidence, suggestion_reasons, scored_version FROM items WHERE id IN (SELECT value FROM json_each(?))',
  )
    .all(JSON.stringify(ids))
    .map((row) => ({ id: row.id, suggestion: suggestionOf(row) }));
}

/** A suggestion as its columns hold it (a new comment's insert takes them: db/tables/items-ingest.ts). */
export type StoredSuggestion = [lane: number, confidence: number, key: number, reasons: string, version: number];

/**
 * A confidence as stored: to the whole percent, as the console and the CLI show it. The Inbox sorts
 * by what the moderator sees, "at or above 90%" takes what shows 90%, and a pass that only moved a
 * comment's confidence by a fraction of a percent has nothing to write.
 */
export function storedConfidence(confidence: number): number {
  return Math.round(confidence * 100) / 100;
}

export function storedSuggestion(suggestion: Suggestion, version: number): StoredSuggestion {
  const lane = laneOf(suggestion.route);
  const confidence = storedConfidence(suggestion.confidence);
  return [lane, confidence, suggestionKey(lane, confidence), JSON.stringify(suggestion.reasons), version];
}

/**
 * Stores a comment's suggestion, scored with model `version`, over the one it has (`was`: its
 * lane and confidence as stored). Only the columns that changed are set: an index is rewritten only
 * when a column it holds is set, and most passes move a comment's confidence or reasons, not its lane.
 * With `was.version` (the version it was scored with when read, null: never), the row is left alone
 * if it has been scored since: `was` no longer describes it. Returns whether the row was written.
 */
export function writeSuggestion(db: Db, id: number, suggestion: Suggestion, version: number, was?: { lane: number; confidence: number; version?: number | null }): boolean {
  const [lane, confidence, key, reasons] = storedSuggestion(suggestion, version);
  const guarded = was !== undefined && was.version !== undefined;
  const where = guarded ? 'WHERE id = ? AND scored_version IS ?' : 'WHERE id = ?';
  const row: unknown[] = guarded ? [id, was.version] : [id];
  let sql = `UPDATE items SET suggested_lane = ?, suggested_confidence = ?, suggestion_key = ?, suggestion_reasons = ?, scored_version = ? ${where}`;
  let values: unknown[] = [lane, confidence, key, reasons, version];
  if (was && was.version !== null && was.lane === lane && was.confidence === confidence) {
    sql = `UPDATE items SET suggestion_reasons = ?, scored_version = ? ${where}`;
    values = [reasons, version];
  } else if (was && was.version !== null && was.lane === lane) {
    sql = `UPDATE items SET suggested_confidence = ?, suggestion_key = ?, suggestion_reasons = ?, scored_version = ? ${where}`;
    values = [confidence, key, reasons, version];
  }
  return prepared<unknown[]>(db, sql).run(...values, ...row).changes > 0;
}

/** A comment as scoring reads it: its text (the first SCORED_TEXT_CHARS), author, feed and thread. */
export interface ScoredComment {
  id: number;
  feed_id: number;
  thread_id: number | null;
  thread_title: string;
  author: string;
  text: string;
  published_at: number;
}

/** A stored comment as scoring reads it, with the suggestion it has. */
export interface CommentRow extends ScoredComment {
  suggested_lane: number;
  suggested_confidence: number;
  suggestion_reasons: string | null;
  scored_version: number | null;
}

/** The longest text scoring reads of a comment: the signals look at its start, and a 256 KiB comment must not cost more. */
export const SCORED_TEXT_CHARS = 4_000;

const COMMENT_COLUMNS = `i.id, i.feed_id, i.thread_id, coalesce(t.title, '') AS thread_title, i.author, substr(i.content_text, 1, ${SCORED_TEXT_CHARS}) AS text,
  i.published_at, i.suggested_lane, i.suggested_confidence, i.suggestion_reasons, i.scored_version`;

/** These comments as scoring reads them, in time order. */
export function commentsToScore(db: Db, ids: readonly number[]): CommentRow[] {
  if (ids.length === 0) return [];
  return prepared<[string], CommentRow>(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM items i LEFT JOIN threads t ON t.id = i.thread_id
      WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY i.published_at, i.id`,
  ).all(JSON.stringify(ids));
}

/** A place in the Inbox's time order, where a pass over it goes on from. */
export interface InboxPlace {
  publishedAt: number;
  id: number;
}

/** The next `limit` Inbox comments after `after`, oldest first (a pass of re-scoring walks items_by_status). */
export function inboxToScore(db: Db, after: InboxPlace | null, limit: number): CommentRow[] {
  return prepared<[number, number, number], CommentRow>(
    db,
    `SELECT ${COMMENT_COLUMNS} FROM items i INDEXED BY items_by_status LEFT JOIN threads t ON t.id = i.thread_id
      WHERE i.status = 'new' AND (i.published_at, i.id) > (?, ?) ORDER BY i.published_at, i.id LIMIT ?`,
  ).all(after?.publishedAt ?? -Infinity, after?.id ?? 0, limit);
}

/** Up to `most` comments of a thread before this place in it (its newest without), oldest first: a comment's thread context. */
export function earlierInThread(db: Db, threadId: number, before: InboxPlace | null, most: number): { guid: string; author: string; text: string; published_at: number }[] {
  if (before === null) before = { publishedAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
  return prepared<[number, number, number, number, number], { guid: string; author: string; text: string; published_at: number }>(
    db,
    `SELECT guid, author, substr(content_text, 1, ${SCORED_TEXT_CHARS}) AS text, published_at FROM items INDEXED BY items_by_thread
      WHERE thread_id = ? AND (published_at < ? OR (published_at = ? AND id < ?)) ORDER BY published_at DESC LIMIT ?`,
  )
    .all(threadId, before.publishedAt, before.publishedAt, before.id, most)
    .reverse();
}

/**
 * Inbox comments whose suggestion is at least `threshold` sure, as id and suggested lane, the most
 * confident first whatever their lane; `most` + 1 of them, to tell whether more qualified. One
 * range per lane over the Inbox's suggestion index (its keys run by lane, then confidence), each
 * read no further than `most` + 1, merged.
 */
export function inboxAbove(db: Db, threshold: number, most: number): { id: number; lane: number }[] {
  const rows = LANE_ORDER.flatMap((_, lane) =>
    prepared<[number, number, number], { id: number; lane: number; confidence: number }>(
      db,
      `SELECT id, suggested_lane AS lane, suggested_confidence AS confidence FROM items INDEXED BY items_inbox_by_suggestion
        WHERE status = 'new' AND suggestion_key >= ? AND suggestion_key <= ? ORDER BY suggestion_key DESC, id DESC LIMIT ?`,
    ).all(suggestionKey(lane, threshold), laneKeyRange(lane).high, most + 1),
  );
  return rows
    .sort((a, b) => b.confidence - a.confidence || b.id - a.id)
    .slice(0, most + 1)
    .map(({ id, lane }) => ({ id, lane }));
}

export interface ModelState {
  /**
   * What suggestions are scored with, as one number that goes up whenever any of it changes: the
   * learned counts' version plus the rules' (both only go up). A suggestion scored with an older
   * one is stale.
   */
  version: number;
  /** The learned counts' own version. */
  learnedVersion: number;
  /** The version the last whole pass over the Inbox was made with. */
  rescoredVersion: number;
  /** The pass under way: its version and the last comment it scored. */
  pass: { version: number; after: InboxPlace | null } | null;
}

export function modelState(db: Db): ModelState {
  const row = prepared<[], { version: number; rescored_version: number; pass_version: number | null; pass_published_at: number | null; pass_id: number | null }>(
    db,
    'SELECT version, rescored_version, pass_version, pass_published_at, pass_id FROM suggestion_model WHERE id = 1',
  ).get();
  // A rule saved, moved, deleted or applied as a suggestion changes what comments are scored with, as learning does.
  const rules = rulesVersion(db);
  if (!row) return { version: 1 + rules, learnedVersion: 1, rescoredVersion: 0, pass: null };
  const after = row.pass_id === null || row.pass_published_at === null ? null : { publishedAt: row.pass_published_at, id: row.pass_id };
  return { version: row.version + rules, learnedVersion: row.version, rescoredVersion: row.rescored_version, pass: row.pass_version === null ? null : { version: row.pass_version, after } };
}

/**
 * What was learned changed (a chunk of decisions learned, a reset): its version goes up, so every
 * process reloads its cached counts and the Inbox is scored again in the background.
 */
export function learnedChanged(db: Db): number {
  return prepared<[], { version: number }>(db, 'UPDATE suggestion_model SET version = version + 1 WHERE id = 1 RETURNING version').get()?.version ?? 1;
}

/** A pass over the Inbox with model `version` got as far as `after`; `finished`: it went through the whole Inbox. */
export function recordPass(db: Db, version: number, after: InboxPlace | null, finished: boolean): void {
  if (finished) {
    prepared<[number]>(db, 'UPDATE suggestion_model SET rescored_version = max(rescored_version, ?), pass_version = NULL, pass_published_at = NULL, pass_id = NULL WHERE id = 1').run(version);
  } else {
    prepared<[number, number | null, number | null]>(db, 'UPDATE suggestion_model SET pass_version = ?, pass_published_at = ?, pass_id = ? WHERE id = 1').run(version, after?.publishedAt ?? null, after?.id ?? null);
  }
}

/** Inbox comments after `after` in its time order (all of them without), counted up to `cap`. */
export function inboxAfter(db: Db, after: InboxPlace | null, cap: number): number {
  return (
    prepared<[number, number, number], { n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM items INDEXED BY items_by_status WHERE status = 'new' AND (published_at, id) > (?, ?) LIMIT ?)`,
    ).get(after?.publishedAt ?? -Infinity, after?.id ?? 0, cap)?.n ?? 0
  );
}
