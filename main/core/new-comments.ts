// The port a fetch's comments arrive through (FeedsContext.arrivals): declared here, between the
// features, so the feeds feature calls it and the suggestions feature answers it without either
// importing the other; the app wires them together.
import type { Db } from '../../db/connection';
import type { StoredSuggestion } from '../../db/tables/suggestions';

/** A comment of a fetch, as it is (or is about to be) stored, its text as plain text. */
export interface ArrivingComment {
  guid: string;
  feedId: number;
  threadId: number | null;
  threadTitle: string;
  author: string;
  text: string;
  publishedAt: number;
}

/** A new comment once stored. */
export interface NewComment extends ArrivingComment {
  id: number;
}

/** One fetch's batch, inside the transaction that stores it, so what is written commits with the comments or not at all. */
export interface ArrivalBatch {
  /** What a new comment is stored with (its suggestion), asked just before it is inserted: in the insert, it costs no second write. */
  suggestionFor(comment: ArrivingComment): StoredSuggestion;
  /** Once the batch is stored: its new comments (the rules' actions on them). */
  stored(comments: readonly NewComment[]): void;
}

/** Opens a batch: `comments` is the whole fetch in the feed's order, new or not (the thread context each comment is scored with). */
export type ArrivalsPort = (db: Db, comments: readonly ArrivingComment[], now: number) => ArrivalBatch;
