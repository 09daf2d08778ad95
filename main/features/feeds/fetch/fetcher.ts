// Fetches one feed URL from a server we do not trust: every wait is bounded, the body is counted
// after decompression, redirects are vetted hop by hop, and every failure is a FeedError.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable, Transform } from 'node:stream';
import { FeedError } from '../errors';
import { classifyAddress, type AddressClass } from '../../../../common/ip-address';
import { createDecoders } from './decompress';
import { abortError, networkError } from './failures';
import { checkFeedUrl, REDIRECT_STATUSES, resolveRedirect, visitKey } from './redirects';
import { statusError } from './status';
import type { FetchLimits, FetchRequest, FetchResponse } from './types';

export { classifyAddress } from '../../../../common/ip-address';

export const DEFAULT_LIMITS: Readonly<FetchLimits> = Object.freeze({
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
});
export const USER_AGENT = 'Switchboard/0.1 (feed reader; +https://switchboard.example/bot)';
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml, text/xml, */*;q=0.8';

/** Transport settings that are not part of the feed contract. `ca` (PEM) replaces the default
 *  root certificates for this fetch: tests use it to trust their self-signed server. */
export interface TransportOptions {
  ca?: string | Buffer;
}

/** The limits of a request, each missing or nonsensical value replaced by its default. */
export function resolveLimits(partial: Partial<FetchLimits> = {}): FetchLimits {
  const pick = (value: number | undefined, fallback: number, min: number): number =>
    value !== undefined && Number.isFinite(value) && value >= min ? value : fallback;
  return {
    connectTimeoutMs: pick(partial.connectTimeoutMs, DEFAULT_LIMITS.connectTimeoutMs, 1),
    totalTimeoutMs: pick(partial.totalTimeoutMs, DEFAULT_LIMITS.totalTimeoutMs, 1),
    maxBodyBytes: pick(partial.maxBodyBytes, DEFAULT_LIMITS.maxBodyBytes, 0),
    maxRedirects: pick(partial.maxRedirects, DEFAULT_LIMITS.maxRedirects, 0),
  };
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;
const size = (bytes: number): string =>
  bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;

/** Why the whole fetch must stop (total timeout, caller's signal); reaches whichever hop runs. */
class Stopper {
  reason: FeedError | undefined;
  private listener: ((error: FeedError) => void) | undefined;
  stop(error: FeedError): void {
    if (this.reason) return;
    this.reason = error;
    this.listener?.(error);
  }
  watch(listener: ((error: FeedError) => void) | undefined): void {
    this.listener = listener;
    if (listener && this.reason) listener(this.reason);
  }
}

type Hop =
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'not-modified'; headers: http.IncomingHttpHeaders }
  | { kind: 'ok'; body: Buffer; headers: http.IncomingHttpHeaders };

interface HopContext {
  limits: FetchLimits;
  headers: Record<string, string>;
  conditional: boolean;
  stopper: Stopper;
  transport: TransportOptions;
  /** Vets an address this hop may connect to; returns the error that forbids it, if any. */
  vet: (address: string) => FeedError | null;
  /** Called with the address the socket actually connected to. */
  connected: (address: string) => FeedError | null;
}

/** dns.lookup, but every resolved address is vetted before the socket may use it. Handles both
 *  the single-address and the `all: true` form (Node's happy-eyeballs connect asks for all). */
function vettedLookup(vet: (address: string) => FeedError | null): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const list = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      for (const candidate of list) {
        const refusal = vet(candidate);
        if (refusal) return callback(refusal, address, family);
      }
      callback(null, address, family);
    });
  };
}

/** One request/response exchange, without following redirects. */
function requestOnce(url: URL, ctx: HopContext): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const host = url.hostname;
    const { limits } = ctx;
    let settled = false;
    let req: http.ClientRequest | undefined;
    let res: http.IncomingMessage | undefined;
    let decoders: Transform[] = [];
    let connectTimer: NodeJS.Timeout | undefined;

    const finish = (): void => {
      settled = true;
      clearTimeout(connectTimer);
      ctx.stopper.watch(undefined);
    };
    // Failing destroys everything this hop opened: the socket really closes, and nothing more is read.
    const fail = (error: FeedError): void => {
      if (settled) return;
      finish();
      for (const decoder of decoders) decoder.destroy();
      res?.destroy();
      req?.destroy();
      reject(error);
    };
    const succeed = (hop: Hop): void => {
      if (settled) return;
      finish();
      resolve(hop);
    };
    ctx.stopper.watch(fail);
    if (settled) return;

    // net.connect skips the lookup function for IP literals, so those are vetted here.
    const literal = host.replace(/^\[|\]$/g, '');
    if (net.isIP(literal)) {
      const refusal = ctx.vet(literal);
      if (refusal) return fail(refusal);
    }

    const onBody = (response: http.IncomingMessage): void => {
      let stage: Readable = response;
      const encoding = response.headers['content-encoding'];
      try {
        decoders = createDecoders(encoding);
      } catch (error) {
        return fail(error instanceof FeedError ? error : new FeedError('parse', String(error)));
      }
      const tooLarge = (): FeedError => new FeedError('too-large', `the feed is larger than ${size(limits.maxBodyBytes)}`);
      const declared = Number(response.headers['content-length']);
      if (decoders.length === 0 && Number.isFinite(declared) && declared > limits.maxBodyBytes) return fail(tooLarge());
      for (const decoder of decoders) {
        decoder.on('error', (cause) => fail(new FeedError('parse', `the feed's ${String(encoding)} compression is damaged`, { cause })));
        stage = stage.pipe(decoder);
      }
      // Counted after decompression; at most one chunk past the limit is ever held.
      const chunks: Buffer[] = [];
      let total = 0;
      stage.on('data', (chunk: Buffer) => {
        if (settled) return;
        total += chunk.length;
        if (total > limits.maxBodyBytes) return fail(tooLarge());
        chunks.push(chunk);
      });
      stage.on('end', () => succeed({ kind: 'ok', body: Buffer.concat(chunks, total), headers: response.headers }));
    };

    const onResponse = (response: http.IncomingMessage): void => {
      res = response;
      clearTimeout(connectTimer);
      response.on('error', (error) => fail(networkError(error, host, true)));
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return onBody(response);
      // Nothing else needs the body: close the connection rather than drain a hostile stream.
      const done = (hop: Hop): void => {
        succeed(hop);
        response.destroy();
        req?.destroy();
      };
      if (REDIRECT_STATUSES.has(status)) return done({ kind: 'redirect', status, location: response.headers.location });
      if (status === 304 && ctx.conditional) return done({ kind: 'not-modified', headers: response.headers });
      const retryAfter = response.headers['retry-after'];
      fail(statusError(status, retryAfter, Date.now()));
    };

    try {
      const options: https.RequestOptions = {
        method: 'GET',
        headers: ctx.headers,
        agent: false, // a fresh socket per hop, so the lookup and connect checks below always run
        lookup: vettedLookup(ctx.vet),
        ...(ctx.transport.ca ? { ca: ctx.transport.ca } : {}),
      };
      req = url.protocol === 'https:' ? https.request(url, options) : http.request(url, options);
    } catch (error) {
      return fail(networkError(error, host));
    }
    req.on('error', (error) => fail(networkError(error, host)));
    req.on('response', onResponse);
    connectTimer = setTimeout(
      () => fail(new FeedError('timeout', `the server at ${host} did not answer within ${seconds(limits.connectTimeoutMs)}`)),
      limits.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      socket.once('connect', () => {
        const refusal = socket.remoteAddress ? ctx.connected(socket.remoteAddress) : null;
        if (refusal) fail(refusal);
      });
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.end();
  });
}

/** Why a feed the moderator did not type may not reach this address, and what to do about it. */
function localFeedRefusal(address: string): string {
  return (
    `refused to connect to ${address}, which is on this computer or the local network: this feed was found on a web page or in an OPML file. ` +
    'If you trust it, subscribe to its address again and confirm the local address (switchboard subscribe --allow-local)'
  );
}

/** Header values Node would refuse to send (a corrupted stored validator) are left out. */
const sendable = (value: string | null | undefined): value is string => !!value && /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

async function run(request: FetchRequest, transport: TransportOptions, stopper: Stopper): Promise<FetchResponse> {
  const limits = resolveLimits(request.limits);
  const classify = request.classifyAddress ?? classifyAddress;
  let url = checkFeedUrl(request.url);
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: ACCEPT, 'Accept-Encoding': 'gzip, deflate, br' };
  if (sendable(request.etag)) headers['If-None-Match'] = request.etag;
  if (sendable(request.lastModified)) headers['If-Modified-Since'] = request.lastModified;

  // The class of the address the first hop really connected to. If that was the public internet,
  // no later hop may reach a private or loopback address (a public feed host must not be able to
  // point us at the moderator's LAN); a feed configured on the LAN may redirect within it. A
  // public-only fetch refuses such an address at every hop, the first included, whatever its
  // name resolved to.
  let origin: AddressClass | undefined;
  const refuse = (address: string): FeedError | null => {
    if ((!request.publicOnly && origin !== 'public') || classify(address) === 'public') return null;
    return new FeedError('blocked', request.publicOnly ? localFeedRefusal(address) : `refused a redirect from a public server to a private address (${address})`);
  };
  const connected = (address: string): FeedError | null => {
    if (origin !== undefined || request.publicOnly) return refuse(address);
    origin = classify(address);
    return null;
  };

  const visited = new Set([visitKey(url)]);
  for (let followed = 0; ; followed++) {
    if (stopper.reason) throw stopper.reason;
    const conditional = 'If-None-Match' in headers || 'If-Modified-Since' in headers;
    const hop = await requestOnce(url, { limits, headers, conditional, stopper, transport, vet: refuse, connected });
    if (hop.kind === 'redirect') {
      url = resolveRedirect(url, hop.status, hop.location, { visited, followed, maxRedirects: limits.maxRedirects });
      visited.add(visitKey(url));
      continue;
    }
    const etag = hop.headers.etag ?? null;
    const lastModified = hop.headers['last-modified'] ?? null;
    if (hop.kind === 'not-modified') {
      // A 304 may omit validators; the ones we sent are still the current ones then.
      return { status: 'not-modified', finalUrl: url.href, etag: etag ?? request.etag ?? null, lastModified: lastModified ?? request.lastModified ?? null };
    }
    return { status: 'ok', finalUrl: url.href, body: hop.body, contentType: hop.headers['content-type'] ?? null, etag, lastModified };
  }
}

/**
 * Fetches a feed (see FetchRequest/FetchResponse). Rejects only with FeedError. Cancelling through
 * `request.signal` rejects with the signal's reason if that is a FeedError, 'timeout' for
 * AbortSignal.timeout(), and otherwise 'network' "the fetch was cancelled".
 */
export async function fetchFeed(request: FetchRequest, transport: TransportOptions = {}): Promise<FetchResponse> {
  const stopper = new Stopper();
  const limits = resolveLimits(request.limits);
  const timer = setTimeout(
    () => stopper.stop(new FeedError('timeout', `the feed took longer than ${seconds(limits.totalTimeoutMs)} to download`)),
    limits.totalTimeoutMs,
  );
  const signal = request.signal;
  const onAbort = (): void => stopper.stop(abortError(signal?.reason));
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await run(request, transport, stopper);
  } catch (error) {
    throw error instanceof FeedError ? error : new FeedError('network', error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
