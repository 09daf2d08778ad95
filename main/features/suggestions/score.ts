// Scoring stored comments: each with its thread context (the few comments before it in its thread)
// and the model: what was learned and the rules' votes.
import type { Db } from '../../../db/connection';
import { earlierInThread, SCORED_TEXT_CHARS, type ScoredComment } from '../../../db/tables/suggestions';
import type { ArrivingComment } from '../../core/new-comments';
import type { Suggestion } from '../../../common/types';
import { suggest, type CommentToScore } from './engine';
import type { RuleSubject } from './rules/for-ingest';
import type { Model } from './model';

/** How many earlier comments of its thread a comment is scored with. */
export const EARLIER_IN_THREAD = 3;

type Earlier = CommentToScore['earlier'][number];

export function subjectOf(row: ScoredComment): RuleSubject {
  return { text: row.text, author: row.author, feedId: row.feed_id, threadTitle: row.thread_title };
}

export function commentOf(row: ScoredComment, earlier: readonly Earlier[]): CommentToScore {
  return { text: row.text, author: row.author, threadTitle: row.thread_title, earlier };
}

/** The earlier comments of a row's thread, read from the database (one indexed lookup). */
export function storedContext(db: Db, row: ScoredComment): Earlier[] {
  return row.thread_id === null ? [] : earlierInThread(db, row.thread_id, { publishedAt: row.published_at, id: row.id }, EARLIER_IN_THREAD);
}

/**
 * The thread context of a fetch's comments, as each is inserted (in the feed's order, which is not
 * time order): the thread's newest stored comments, looked up once per thread, and the batch's own
 * comments of the thread published before it (a comment stored already, on a refetch, counts once).
 */
export function arrivalContext(db: Db, batch: readonly ArrivingComment[]): (comment: ArrivingComment) => Earlier[] {
  const threads = new Map<number, { guid: string; author: string; text: string; publishedAt: number }[]>();
  return (comment) => {
    if (comment.threadId === null) return [];
    let known = threads.get(comment.threadId);
    if (!known) {
      const mine = batch.filter((other) => other.threadId === comment.threadId);
      const guids = new Set(mine.map((other) => other.guid));
      const stored = earlierInThread(db, comment.threadId, null, EARLIER_IN_THREAD)
        .filter((row) => !guids.has(row.guid))
        .map((row) => ({ guid: row.guid, author: row.author, text: row.text, publishedAt: row.published_at }));
      known = [...stored, ...mine.map((other) => ({ guid: other.guid, author: other.author, text: other.text.slice(0, SCORED_TEXT_CHARS), publishedAt: other.publishedAt }))].sort((a, b) => a.publishedAt - b.publishedAt);
      threads.set(comment.threadId, known);
    }
    return known
      .filter((other) => other.publishedAt < comment.publishedAt)
      .slice(-EARLIER_IN_THREAD)
      .map(({ author, text }) => ({ author, text }));
  };
}

export function scoreRow(row: ScoredComment, earlier: readonly Earlier[], model: Model): Suggestion {
  return suggest(commentOf(row, earlier), model.learned, model.rules.votes(subjectOf(row)));
}
