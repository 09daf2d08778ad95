// The engine's plain data: what it reads of a comment, the evidence it weighs, what it learned.
import type { Route } from '../../../../common/types';

/** What the engine reads of a comment. */
export interface CommentToScore {
  /** The comment as plain text. */
  text: string;
  author: string;
  threadTitle: string;
  /** Earlier comments of the same thread, oldest first (at most a few): thread context counts. */
  earlier: readonly { author: string; text: string }[];
}

/** One piece of evidence for a lane: how strongly (a log-odds weight) and why, in plain words. */
export interface Vote {
  route: Route;
  weight: number;
  reason: string;
}

/** Counts learned from the moderator's decisions, as stored (one row per feature and lane, plus per-lane totals). */
export interface LearnedCounts {
  /** Decisions learned per lane. */
  decisions: Record<Route, number>;
  /** For each feature (word, word pair, signal): how many learned comments of each lane have it. */
  features: Map<string, Record<Route, number>>;
}
