// One workspace feed fetched through the desktop's own pipeline (main/features/feeds/pipeline.ts:
// the bounded HTTP fetch with its conditional GET, the XML guard, parse, sanitize) and its result
// stored in PostgreSQL in one transaction (db/pg/tables/ingest.ts), scheduled by the desktop's
// rules (schedule-policy.ts: the interval, back-off after failures, parking).
import type { Pool } from 'pg';
import type { IngestOutcome } from '../../features/feeds/pipeline';
import type { IngestRunner } from '../../features/feeds/runner';
import { nextFetchAfterSuccess, planAfterFailure, PARK_AFTER_FAILURES } from '../../features/feeds/schedule-policy';
import type { AddressClass } from '../../../common/ip-address';
import { storeFetch, type DueFeed, type FetchRecord, type StoredFetch } from '../../../db/pg/tables/ingest';

const POSTS_FEED =
  "this is a blog's posts feed, not a comment feed: a team workspace does not follow each post's comments yet. Add the blog's comment feed instead (WordPress: /comments/feed/)";

type Failure = Pick<Extract<IngestOutcome, { status: 'error' }>, 'category' | 'message' | 'httpStatus' | 'retryAt'>;

/** A failed fetch (or store) of `feed`: its error, and when it is tried again (never, once parked). */
export function failureRecord(feed: DueFeed, failure: Failure, now: number): FetchRecord {
  const failures = feed.errorCount + 1;
  const plan = planAfterFailure(now, feed.intervalMinutes, failures, { category: failure.category, status: failure.httpStatus, retryAt: failure.retryAt });
  if (!plan.park) return { kind: 'failure', message: failure.message, nextFetchAt: plan.nextFetchAt };
  const why = failures >= PARK_AFTER_FAILURES ? `after ${failures} failures in a row` : 'as the site says the feed is gone';
  return { kind: 'failure', message: `${failure.message}; no longer fetched ${why}: an owner adds the feed again to retry it`, nextFetchAt: null };
}

/** What a fetch of `feed` writes: its comments and schedule after a success, its error and back-off after a failure. */
export function recordOf(feed: DueFeed, outcome: Exclude<IngestOutcome, { status: 'cancelled' }>, now: number): FetchRecord {
  if (outcome.status === 'error') return failureRecord(feed, outcome, now);
  const base = { kind: 'success', etag: outcome.etag, lastModified: outcome.lastModified, nextFetchAt: nextFetchAfterSuccess(now, feed.intervalMinutes) } as const;
  if (outcome.status === 'not-modified') return { ...base, title: null, siteUrl: null, comments: [] };
  const { feed: parsed } = outcome;
  // A desktop follows each new post's comment feed for a while; the workspace has no place for that yet.
  if (parsed.kind === 'posts') return failureRecord(feed, { category: 'not-a-feed', message: POSTS_FEED, httpStatus: null, retryAt: null }, now);
  return {
    ...base,
    title: parsed.title,
    siteUrl: parsed.siteUrl,
    comments: parsed.comments.map((comment) => ({
      guid: comment.guid, url: comment.url, threadUrl: comment.thread.url, threadTitle: comment.thread.title,
      author: comment.author, authorUrl: comment.authorUrl, publishedAt: comment.publishedAt,
      contentHtml: comment.contentHtml, contentText: comment.contentText,
    })),
  };
}

export interface FetchOptions {
  now: () => number;
  signal: AbortSignal;
  /** Where feeds are fetched and read: worker threads in `team serve`, so the server keeps answering. */
  runner: Pick<IngestRunner, 'run'>;
  /** In-process runners only (a function does not cross to a worker thread). */
  classifyAddress?: (address: string) => AddressClass;
  /** Fetch feeds on the server's own computer or network too (its operator said so: `team serve --allow-local-feeds`). */
  allowLocalFeeds?: boolean;
}

/**
 * The desktop's refusal of a local address tells a moderator how to confirm one on their desktop;
 * on the team server only its operator can allow them.
 */
function teamWording(outcome: Exclude<IngestOutcome, { status: 'cancelled' }>): Exclude<IngestOutcome, { status: 'cancelled' }> {
  if (outcome.status !== 'error' || outcome.category !== 'blocked' || !outcome.message.startsWith('refused to connect to ')) return outcome;
  const what = outcome.message.split(': this feed was found')[0];
  return { ...outcome, message: `${what}: the team server fetches feeds on the public internet only, unless whoever runs it starts it with switchboard team serve --allow-local-feeds` };
}

/**
 * Fetches and stores one feed; null when it was cancelled (the fetcher stopping): nothing is
 * recorded then, so the next fetcher fetches it again. Unless the operator allowed local feeds, every
 * fetch stays on public addresses: an owner's feed address must not make the team server poll its
 * own machine or network (a cloud metadata address, an admin page).
 */
export async function fetchWorkspaceFeed(pool: Pool, feed: DueFeed, options: FetchOptions): Promise<StoredFetch | null> {
  const job = { url: feed.url, etag: feed.etag, lastModified: feed.lastModified, publicOnly: !options.allowLocalFeeds, ...(options.classifyAddress && { classifyAddress: options.classifyAddress }) };
  const outcome = await options.runner.run(job, options.signal);
  if (outcome.status === 'cancelled' || options.signal.aborted) return null;
  try {
    return await storeFetch(pool, feed.id, recordOf(feed, teamWording(outcome), options.now()), options.now());
  } catch (error) {
    // Nothing of the batch was kept. The feed says so and backs off like a failed fetch, so a batch
    // the workspace keeps refusing is not downloaded again every tick. When even that cannot be
    // written (PostgreSQL gone), the feed stays due and the caller reports the first error.
    const why = error instanceof Error ? error.message : String(error);
    const message = `storing this feed's comments failed (${why.slice(0, 200)}); they are fetched again at the next try`;
    // Its category only steers parking (a site's 410); a store failure never parks at once.
    await storeFetch(pool, feed.id, failureRecord(feed, { category: 'network', message, httpStatus: null, retryAt: null }, options.now()), options.now()).catch(() => {
      throw error;
    });
    return { stored: false, newComments: 0, editedComments: 0 };
  }
}
