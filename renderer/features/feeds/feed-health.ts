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
