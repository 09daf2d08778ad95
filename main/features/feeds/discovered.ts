// What discovery found, kept for a few minutes for the subscription that follows (the console asks
// feeds-discover, then feeds-subscribe with the feed the moderator chose):
// - feeds it downloaded, by the address they were found at, so that subscription stores that
//   download instead of fetching the feed again; each is used once, a few at most are kept;
// - the page each feed it offered was found on, so that subscription knows how the feed came in
//   (a page vouches for the site of the feeds it links, see site.ts).
import type { FeedCandidate } from '../../../common/types';
import type { DownloadedFeed } from './pipeline';

/** Long enough to choose in the subscribe dialog; short enough that the first batch is recent. */
export const KEEP_DISCOVERED_MS = 5 * 60_000;
/** Up to 10 MiB each (the fetcher's limit). */
const MAX_KEPT = 4;

export interface DiscoveredFeed {
  candidate: FeedCandidate;
  feed: DownloadedFeed;
}

/** Feed addresses remembered with their page at most (a page offers a handful); the oldest go first. */
const MAX_FOUND_ON = 200;

export class DiscoveredFeeds {
  private readonly kept = new Map<string, DiscoveredFeed & { at: number }>();
  private readonly pages = new Map<string, { page: string; at: number }>();

  /** Remembers the page these feed addresses were found on. */
  keepPage(page: string, feedUrls: string[], now: number): void {
    for (const url of feedUrls) {
      this.pages.delete(url);
      this.pages.set(url, { page, at: now });
    }
    while (this.pages.size > MAX_FOUND_ON) this.pages.delete(this.pages.keys().next().value!);
  }

  /** The page this feed address was found on in the last few minutes, if any. */
  pageOf(url: string, now: number): string | null {
    const entry = this.pages.get(url);
    return entry && now - entry.at <= KEEP_DISCOVERED_MS ? entry.page : null;
  }

  /** Keeps a feed discovery downloaded, under its final address (the candidate's). */
  keep(discovered: DiscoveredFeed, now: number): void {
    for (const [url, entry] of this.kept) if (now - entry.at > KEEP_DISCOVERED_MS) this.kept.delete(url);
    this.kept.delete(discovered.feed.finalUrl);
    while (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    const entry = { ...discovered, at: now };
    this.kept.set(discovered.feed.finalUrl, entry);
    // Up to 10 MiB held: let it go when its time is up even if nobody subscribes or discovers again.
    setTimeout(() => {
      if (this.kept.get(discovered.feed.finalUrl) === entry) this.kept.delete(discovered.feed.finalUrl);
    }, KEEP_DISCOVERED_MS).unref();
  }

  /** The feed discovered at this address in the last few minutes, if any; it is not kept any longer. */
  take(url: string, now: number): DiscoveredFeed | null {
    const entry = this.kept.get(url);
    if (!entry) return null;
    this.kept.delete(url);
    return now - entry.at <= KEEP_DISCOVERED_MS ? { candidate: entry.candidate, feed: entry.feed } : null;
  }

  clear(): void {
    this.kept.clear();
    this.pages.clear();
  }
}
