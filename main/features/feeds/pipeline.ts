// One feed, from URL to normalized comments: fetch, decode, guard, parse, normalize (sanitizing
// last). No database here: this runs in the ingest worker, and its result is stored by the
// process that owns the database, in one transaction.
import { FeedError, type FeedErrorCategory } from './errors';
import { decodeFeedBody } from './fetch/decode';
import { fetchFeed } from './fetch/fetcher';
import type { FetchLimits, FetchRequest, FetchResponse } from './fetch/types';
import { normalizeFeed, type NormalizedFeed } from './parse/normalize';
import { parseFeedXml } from './parse/rss';
import { guardXml } from './parse/xml-guard';

/** A feed's response, downloaded already (by discovery), with the validators it came with. */
export interface DownloadedFeed {
  finalUrl: string;
  /** A Buffer where it was read; a plain Uint8Array once it has crossed to or from a worker thread. */
  body: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface IngestJob {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  limits?: Partial<FetchLimits>;
  /** Refuse every address on this computer or the local network (FetchRequest.publicOnly). */
  publicOnly?: boolean;
  /** How addresses are classified (FetchRequest.classifyAddress). In-process jobs only: a function
   *  does not cross to a worker thread. The team server's tests play a public host on loopback. */
  classifyAddress?: FetchRequest['classifyAddress'];
  /** The feed as discovery downloaded it: read from these bytes instead of downloading it again. */
  downloaded?: DownloadedFeed;
}

export type IngestOutcome =
  | { status: 'not-modified'; finalUrl: string; etag: string | null; lastModified: string | null }
  | { status: 'ok'; finalUrl: string; etag: string | null; lastModified: string | null; feed: NormalizedFeed }
  | { status: 'error'; category: FeedErrorCategory; message: string; httpStatus: number | null; retryAt: number | null }
  /** The job never finished through no fault of the feed (the worker stopped); nothing is recorded. */
  | { status: 'cancelled' };

export function outcomeOfError(error: unknown): IngestOutcome {
  if (error instanceof FeedError) {
    return { status: 'error', category: error.category, message: error.message, httpStatus: error.status ?? null, retryAt: error.retryAt ?? null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'error', category: 'parse', message: `the feed could not be read (${message.slice(0, 160)})`, httpStatus: null, retryAt: null };
}

/** The bytes discovery downloaded, as the fetcher would have answered. */
function downloadedResponse(downloaded: DownloadedFeed): Extract<FetchResponse, { status: 'ok' }> {
  const { body } = downloaded;
  return { status: 'ok', ...downloaded, body: Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
}

/** Runs a feed's reading (parse and sanitize). The worker runs one at a time and tells the lead
 *  which, so the lead can stop a reading that takes too long (ingest-thread.ts). */
export type Reading = <T>(read: () => Promise<T>) => Promise<T>;
const readNow: Reading = (read) => read();

/**
 * `onFetched` is told when the network part is over (the body is read, or the fetch failed),
 * before reading starts, with the bytes it downloaded (none for a job `downloaded` already), so
 * a reading stopped half-way can be done again without another download.
 */
export async function ingestFeed(
  job: IngestJob,
  signal?: AbortSignal,
  onFetched?: (downloaded?: DownloadedFeed) => void,
  reading: Reading = readNow,
  now = Date.now,
): Promise<IngestOutcome> {
  try {
    let response: FetchResponse | undefined;
    try {
      response = job.downloaded
        ? downloadedResponse(job.downloaded)
        : await fetchFeed({ url: job.url, etag: job.etag, lastModified: job.lastModified, limits: job.limits, publicOnly: job.publicOnly, classifyAddress: job.classifyAddress, signal });
    } finally {
      const fetched = response?.status === 'ok' && !job.downloaded ? response : undefined;
      onFetched?.(fetched && { finalUrl: fetched.finalUrl, body: fetched.body, contentType: fetched.contentType, etag: fetched.etag, lastModified: fetched.lastModified });
    }
    if (response.status === 'not-modified') return response;
    const { finalUrl, etag, lastModified, body, contentType } = response;
    return await reading(async () => {
      const xml = guardXml(decodeFeedBody(body, contentType));
      const feed = normalizeFeed(await parseFeedXml(xml), finalUrl, now());
      return { status: 'ok', finalUrl, etag, lastModified, feed };
    });
  } catch (error) {
    return outcomeOfError(error);
  }
}
