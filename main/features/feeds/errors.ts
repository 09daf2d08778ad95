// Why one feed could not be fetched, in categories a moderator can act on, and a sentence that
// says what happened. Stored on the feed and shown in the feed-health panel.

export const FEED_ERROR_CATEGORIES = ['network', 'timeout', 'http-status', 'too-large', 'redirect', 'not-a-feed', 'parse', 'blocked'] as const;
export type FeedErrorCategory = (typeof FEED_ERROR_CATEGORIES)[number];

export class FeedError extends Error {
  readonly category: FeedErrorCategory;
  /** HTTP status, for http-status errors. */
  readonly status: number | undefined;
  /** When the server asked us to come back (429/503 Retry-After), in epoch milliseconds. */
  readonly retryAt: number | undefined;

  constructor(category: FeedErrorCategory, message: string, options: { status?: number; retryAt?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'FeedError';
    this.category = category;
    this.status = options.status;
    this.retryAt = options.retryAt;
  }
}
