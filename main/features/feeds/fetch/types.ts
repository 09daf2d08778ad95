// The fetcher's contract: bytes of one feed URL, fetched safely, or a FeedError.
import type { FeedErrorCategory } from '../errors';
import type { AddressClass } from '../../../../common/ip-address';

export interface FetchLimits {
  /** Time allowed to open the TCP (and TLS) connection, ms. Default 10 000. */
  connectTimeoutMs: number;
  /** Time allowed for the whole fetch, redirects and body included, ms. Default 30 000. */
  totalTimeoutMs: number;
  /** Largest body accepted, counted after decompression, bytes. Default 10 MiB. */
  maxBodyBytes: number;
  /** Most redirects followed. Default 5. */
  maxRedirects: number;
}

export interface FetchRequest {
  url: string;
  /** Validators from the last successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  limits?: Partial<FetchLimits>;
  /** Cancels the fetch (the socket is destroyed). The promise rejects with the signal's reason when that is a FeedError,
   *  with category 'timeout' for AbortSignal.timeout(), and otherwise with 'network' "the fetch was cancelled". */
  signal?: AbortSignal;
  /**
   * Every address the fetch connects to, the first one included, must be public: for a feed the
   * moderator did not type (found on a web page, imported from OPML) and did not allow to reach
   * this computer or the local network. Otherwise only redirects are held back (from a public
   * host to a private address).
   */
  publicOnly?: boolean;
  /** How an IP address is classified; tests inject one to play a "public" host on loopback. */
  classifyAddress?: (address: string) => AddressClass;
}

export type FetchResponse =
  | { status: 'not-modified'; finalUrl: string; etag: string | null; lastModified: string | null }
  | { status: 'ok'; finalUrl: string; body: Buffer; contentType: string | null; etag: string | null; lastModified: string | null };

export type { FeedErrorCategory };
