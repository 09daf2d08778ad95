// The port a fetch's new comments leave the feeds feature through (FeedsContext.onNewComments):
// declared here, between the features, so the feeds feature calls it and the suggestions feature
// answers it without either importing the other; the app wires them together.
import type { Db } from '../../db/connection';

/** A comment a fetch stored, as it was stored (the text as plain text). */
export interface NewComment {
  id: number;
  feedId: number;
  threadId: number | null;
  threadTitle: string;
  author: string;
  text: string;
  publishedAt: number;
}

/**
 * Told of a fetch's new comments (in the order stored, as stored: nothing needs reading back)
 * inside the transaction that stores them, so what it writes (their suggestions) commits with them
 * or not at all. The app wires it to the suggestions feature; the feeds feature knows nothing of
 * what it does.
 */
export type NewCommentsPort = (db: Db, comments: readonly NewComment[], now: number) => void;
