import type { FeedSummary } from '../../../common/types';

export const ERROR_CATEGORY_LABELS: Record<string, string> = {
  network: 'Network problem',
  timeout: 'Timed out',
  'http-status': 'Server error',
  'too-large': 'Too large',
  redirect: 'Redirect problem',
  'not-a-feed': 'Not a feed',
  parse: 'Unreadable feed',
  blocked: 'Blocked for safety',
};

export type Health = 'healthy' | 'pending' | 'failing' | 'parked' | 'muted';

export function feedHealth(feed: FeedSummary): Health {
  if (feed.status === 'muted') return 'muted';
  if (feed.status === 'parked') return 'parked';
  if (feed.lastError) return 'failing';
  return feed.lastFetchedAt ? 'healthy' : 'pending';
}

/** Failing and parked feeds first (they need the moderator), the rest in the order given. */
export function failuresFirst(feeds: FeedSummary[]): FeedSummary[] {
  const needsYou = (feed: FeedSummary) => Number(feedHealth(feed) === 'failing' || feedHealth(feed) === 'parked');
  return feeds.slice().sort((a, b) => needsYou(b) - needsYou(a));
}

// Comment feeds are titled by their software ("Comments on: Refund policy", "Comments for
// Hostwise"): in a narrow list every one would be cut to the same words. The name shown puts what
// tells them apart first; the full title is on hover.
const GENERIC_PREFIX = /^\s*(comments? (on|for|to|in)\b:?|re:)\s*/i;

/** A feed's name as a narrow list shows it: its title without the generic "Comments on:", else its address. */
export function shortFeedName(feed: FeedSummary): string {
  const title = feed.title.replace(GENERIC_PREFIX, '').trim();
  return title || feed.title || feed.url;
}

/** What hovering a feed says: its full title and address, and why it fails when it does. */
export function feedHover(feed: FeedSummary): string {
  const lines = [feed.title || feed.url, feed.url];
  if (feed.lastError) lines.push(`${HEALTH_LABELS[feedHealth(feed)]}: ${feed.lastError.message}`);
  return lines.join('\n');
}

export const HEALTH_LABELS: Record<Health, string> = {
  healthy: 'Healthy',
  pending: 'Not fetched yet',
  failing: 'Failing',
  parked: 'Parked',
  muted: 'Muted',
};

export function formatWhen(iso: string | null, never = 'never'): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const INTERVAL_LABELS: Record<number, string> = {
  0: 'Manually only',
  5: '5 minutes',
  15: '15 minutes',
  60: 'Hour',
  240: '4 hours',
  1440: 'Day',
};
