// Scoring stored comments: each with its thread context (the few comments before it in its thread)
// and the model: what was learned and the rules' votes.
import type { Db } from '../../../db/connection';
import { earlierInThread, type ScoredComment } from '../../../db/tables/suggestions';
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
 * A batch of new comments, in time order: a thread's context is looked up once, before its first
 * comment of the batch, and the batch's own comments follow it (they are not in the database's
 * lookup for one another's sake: one lookup per thread, not per comment).
 */
export function batchContext(db: Db): (row: ScoredComment) => Earlier[] {
  const threads = new Map<number, Earlier[]>();
  return (row) => {
    if (row.thread_id === null) return [];
    let earlier = threads.get(row.thread_id);
    if (!earlier) {
      earlier = storedContext(db, row);
      threads.set(row.thread_id, earlier);
    }
    const context = earlier.slice(-EARLIER_IN_THREAD);
    earlier.push({ author: row.author, text: row.text });
    return context;
  };
}

export function scoreRow(row: ScoredComment, earlier: readonly Earlier[], model: Model): Suggestion {
  return suggest(commentOf(row, earlier), model.learned, model.rules.votes(subjectOf(row)));
}
