// When a feed is fetched next: its interval after a success; after failures, an exponential
// back-off (never sooner than a server's Retry-After); parked after too many in a row, or at once
// when the server says the feed is gone, until the moderator retries it.
import type { FeedErrorCategory } from './errors';

export const DEFAULT_INTERVAL_MINUTES = 15;
/** How long a new post's comment feed is followed when nobody said otherwise. */
export const DEFAULT_FOLLOW_DAYS = 14;
export const PARK_AFTER_FAILURES = 8;
const MINUTE = 60_000;
const MAX_BACKOFF = 24 * 60 * MINUTE;

export function nextFetchAfterSuccess(now: number, intervalMinutes: number): number | null {
  return intervalMinutes === 0 ? null : now + intervalMinutes * MINUTE;
}

export interface FailurePlan {
  /** Null for a manual feed: it is fetched again only when the moderator asks. */
  nextFetchAt: number | null;
  park: boolean;
}

export function planAfterFailure(now: number, intervalMinutes: number, failuresInARow: number, failure: { category: FeedErrorCategory; status?: number | null; retryAt?: number | null }): FailurePlan {
  const base = Math.max(intervalMinutes, DEFAULT_INTERVAL_MINUTES) * MINUTE;
  const backoff = Math.min(base * 2 ** Math.max(0, failuresInARow - 1), MAX_BACKOFF);
  const nextFetchAt = intervalMinutes === 0 ? null : Math.max(now + backoff, failure.retryAt ?? 0);
  const gone = failure.category === 'http-status' && failure.status === 410;
  return { nextFetchAt, park: gone || failuresInARow >= PARK_AFTER_FAILURES };
}
