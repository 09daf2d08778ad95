// Turns an HTTP error status into a FeedError a moderator can act on, including when the server
// asked us to come back (Retry-After) so the scheduler can honour it.
import { FeedError } from '../errors';

/** A hostile or broken server must not park a feed for years; a week is the longest we accept. */
const MAX_RETRY_DELAY_MS = 7 * 24 * 3600 * 1000;

/**
 * Parses a Retry-After value (delay in seconds, or an HTTP date) into epoch ms, or undefined when
 * absent or malformed. Dates in the past mean "now"; far futures are capped at a week.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  let at: number;
  if (/^\d+$/.test(text)) at = now + Number(text) * 1000;
  else if (/[a-z]/i.test(text)) at = Date.parse(text); // HTTP dates always contain a day/month name
  else return undefined;
  if (!Number.isFinite(at)) return undefined;
  return Math.min(Math.max(at, now), now + MAX_RETRY_DELAY_MS);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "14:05" when it is later today, or "2025-03-02 14:05" otherwise (local time). */
function formatWhen(at: number, now: number): string {
  const d = new Date(at);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.toDateString() === new Date(now).toDateString()) return time;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** The FeedError for a status that is neither 2xx, 304 nor a followed redirect. */
export function statusError(status: number, retryAfter: string | undefined, now: number): FeedError {
  if (status === 429 || status === 503) {
    const retryAt = parseRetryAfter(retryAfter, now);
    const what = status === 429 ? `the server is rate-limiting us (429)` : `the server is temporarily unavailable (503)`;
    const when = retryAt === undefined ? '' : `; it asked us to wait until ${formatWhen(retryAt, now)}`;
    return new FeedError('http-status', what + when, { status, retryAt });
  }
  let message: string;
  if (status === 410) message = 'the feed is gone (410); the site removed it';
  else if (status === 404) message = 'not found (404)';
  else if (status === 401 || status === 403) message = `the server refused access (${status})`;
  else if (status >= 500) message = `the server failed (${status})`;
  else if (status >= 400) message = `the server rejected the request (${status})`;
  else message = `the server gave an unexpected answer (${status})`;
  return new FeedError('http-status', message, { status });
}
