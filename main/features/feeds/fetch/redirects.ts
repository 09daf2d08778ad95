// Which URLs the fetcher may request, and whether a redirect may be followed. Pure functions, so
// each rule is unit-testable without a server (notably the https→http downgrade).
import { hasCredentials, isWebProtocol } from '../../../../common/urls';
import { FeedError } from '../errors';

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Parses and vets a feed URL: http(s) only, no embedded credentials. Throws FeedError('blocked'). */
export function checkFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new FeedError('blocked', `“${raw.slice(0, 200)}” is not a valid web address`, { cause });
  }
  if (!isWebProtocol(url.protocol)) {
    throw new FeedError('blocked', `only http and https feeds can be fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  // Credentials in a URL end up in logs and the feed list, and a hostile redirect could use them
  // to smuggle a login to another host; feeds that need auth are not supported this way.
  if (hasCredentials(url)) {
    throw new FeedError('blocked', 'web addresses with a user name or password are not fetched');
  }
  return url;
}

/** The key under which a URL counts as "visited" for loop detection: the fragment never reaches
 *  the server, so #a and #b are the same request. */
export function visitKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

export interface RedirectState {
  /** visitKey()s of every URL requested so far, the first one included. */
  visited: Set<string>;
  /** Redirects already followed before this one. */
  followed: number;
  maxRedirects: number;
}

/**
 * Decides whether to follow `location` (the raw header) from `current`. Returns the next URL, or
 * throws FeedError: 'redirect' for a missing/invalid Location, a loop or too many redirects;
 * 'blocked' for a non-http(s) target, credentials, or a downgrade from https to http (which would
 * let anyone on the path rewrite a feed that was asked for over TLS).
 */
export function resolveRedirect(current: URL, status: number, location: string | undefined, state: RedirectState): URL {
  if (!location) throw new FeedError('redirect', `the server answered ${status} without saying where to go`);
  let next: URL;
  try {
    next = new URL(location, current);
  } catch (cause) {
    throw new FeedError('redirect', `the server redirected to an invalid address (${location.slice(0, 200)})`, { cause });
  }
  if (!isWebProtocol(next.protocol)) {
    throw new FeedError('blocked', `refused a redirect to a ${next.protocol.replace(/:$/, '')} address`);
  }
  if (hasCredentials(next)) {
    throw new FeedError('blocked', 'refused a redirect to an address with a user name or password');
  }
  if (current.protocol === 'https:' && next.protocol === 'http:') {
    throw new FeedError('blocked', 'refused a redirect from https to http');
  }
  if (state.visited.has(visitKey(next))) {
    throw new FeedError('redirect', `redirect loop: ${next.href} was visited twice`);
  }
  if (state.followed >= state.maxRedirects) {
    throw new FeedError('redirect', `more than ${state.maxRedirects} redirects`);
  }
  return next;
}
