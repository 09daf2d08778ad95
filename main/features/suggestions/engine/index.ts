// The routing engine's API: pure functions over plain data (no database, no Node), shared by the
// suggestions feature (ingest, re-scoring, `suggest --text`) and `npm run eval:routing`.
//
// STUB (lead's skeleton): the engine helper replaces the bodies; the names and types are the
// contract the storage, rules and console work code against.
import type { Route, Suggestion } from '../../../../common/types';

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

/** Below this confidence a comment gets no suggestion (`route` null); the coverage goals are measured here. */
export const DEFAULT_THRESHOLD = 0.6;

/** Counts learned from the moderator's decisions, as stored (one row per feature and lane, plus per-lane totals). */
export interface LearnedCounts {
  /** Decisions learned per lane. */
  decisions: Record<Route, number>;
  /** For each feature (word, word pair, signal): how many learned comments of each lane have it. */
  features: Map<string, Record<Route, number>>;
}

export function emptyCounts(): LearnedCounts {
  return { decisions: { service: 0, spotlight: 0, ignore: 0 }, features: new Map() };
}

/** The features a comment contributes to learning (each once): what a decision adds, and its undo takes away. */
export function featuresOf(comment: CommentToScore): string[] {
  return [...new Set(comment.text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])];
}

/** The comment's language, as an ISO 639-1 code ("en", "de"), or "und" when it cannot tell (short texts). */
export function languageOf(text: string): string {
  void text;
  return 'und';
}

/** The suggestion for one comment: the built-in signals, what was learned, and the moderator's rule votes, blended. */
export function suggest(comment: CommentToScore, learned: LearnedCounts | null = null, ruleVotes: readonly Vote[] = []): Suggestion {
  void comment;
  void learned;
  void ruleVotes;
  return { route: null, confidence: 0, reasons: [] };
}
