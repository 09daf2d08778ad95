// A comment as the routing rules look at it: at ingest (for-ingest.ts) and among the stored ones
// (a preview, an apply).

export interface RuleSubject {
  text: string;
  author: string;
  feedId: number;
  threadTitle: string;
  /** The comment's sanitized HTML, where at hand: its links' addresses are there, not in the text. */
  html?: string;
}
