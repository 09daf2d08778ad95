// Feeds on this computer or the local network (loopback, private, link-local addresses). A
// subscription that points there needs the moderator's explicit confirmation, whether typed,
// chosen from a page's feeds or imported from OPML: otherwise a web page or an OPML file could
// make Switchboard poll the moderator's router, a cloud metadata address or a local admin page.
// - Subscribing resolves the feed's host name and asks before it is stored (allowLocal confirms).
// - A feed found on a web page or imported from OPML, not confirmed, is held to public addresses
//   on every fetch, first hop included (FetchRequest.publicOnly): its host may resolve elsewhere
//   later. A typed feed keeps the fetcher's redirect rule: the moderator chose that address.
// - OPML import does not resolve names (thousands of lookups for one import): it leaves out the
//   addresses that are local as written, and the per-fetch check catches the rest.
// Tests confirm their 127.0.0.1 fixture servers explicitly, like a moderator would.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { SwitchboardError } from '../../../common/errors';
import { classifyAddress, type AddressClass } from '../../../common/ip-address';
import type { FeedFetchState } from '../../../db/tables/feeds';

export type Classify = (address: string) => AddressClass;

/** A loopback or private address written into the URL itself (an IP literal or localhost). */
export function pointsInward(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && classifyAddress(host) !== 'public';
}

/** Whether every fetch of this feed must stay on public addresses. */
export function mustStayPublic(feed: Pick<FeedFetchState, 'origin' | 'allow_local'>): boolean {
  return feed.origin !== 'typed' && feed.allow_local !== 1;
}

/**
 * The first address of this computer or the local network that `url`'s host is or resolves to;
 * null when all are public. A name that does not resolve is null too: its fetch says why.
 */
export async function localAddressOf(url: string, classify: Classify = classifyAddress): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      return null;
    }
  }
  return addresses.find((address) => classify(address) !== 'public') ?? null;
}

/** Refuses a subscription to a local address that the moderator has not confirmed. */
export async function confirmLocal(url: string, allowLocal: boolean, classify?: Classify): Promise<void> {
  if (allowLocal) return;
  const address = await localAddressOf(url, classify);
  if (address === null) return;
  throw new SwitchboardError(
    'invalid-input',
    'subscribe',
    `${url} is on your own computer or local network (${address}); subscribe to it only if you trust it, and confirm: ` +
      'answer yes in the subscribe dialog, or add --allow-local to switchboard subscribe',
  );
}
