// The workspace's one fetcher. Every team server on a database starts one; they elect the one that
// fetches with a session-level advisory lock held on a connection of its own: the others try the
// lock again every tick, so when the fetching server stops, or its connection dies, another takes
// over within a tick. Each tick the holder checks it still holds the lock, then fetches the feeds
// that are due (at most 2 at once per site, 4 in all, as a desktop does).
import pg from 'pg';
import { hostLimiter } from '../../features/feeds/host-limiter';
import { ingestFeed } from '../../features/feeds/pipeline';
import type { IngestRunner } from '../../features/feeds/runner';
import type { AddressClass } from '../../../common/ip-address';
import { dueFeeds, holdsFetcherLock, releaseFetcherLock, tryTakeFetcherLock, type DueFeed } from '../../../db/pg/tables/ingest';
import { fetchWorkspaceFeed } from './fetch-feed';

export interface TeamFetcherOptions {
  /** How often the lock is tried (or checked) and due feeds fetched; default 15 s. */
  tickMs?: number;
  now?: () => number;
  /** Where feeds are fetched and read (`team serve` gives worker threads); default: in this thread. */
  runner?: Pick<IngestRunner, 'run'>;
  /** How fetched addresses are classified; tests play a public host on loopback (in-process runner only). */
  classifyAddress?: (address: string) => AddressClass;
  /** Fetch feeds on this computer or its network too (`team serve --allow-local-feeds`); default: public addresses only. */
  allowLocalFeeds?: boolean;
  /** Where the fetcher says what it does and what went wrong (the server's log). */
  log?: (line: string) => void;
}

export interface TeamFetcher {
  /** Whether this server holds the fetcher lock (so it is the one fetching). */
  readonly fetching: boolean;
  /** Stops fetching (a fetch under way is cancelled, nothing half written) and gives the lock up. */
  stop(): Promise<void>;
}

const hostOf = (url: string): string => URL.parse(url)?.host ?? url;
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function startTeamFetcher(pool: pg.Pool, options: TeamFetcherOptions = {}): TeamFetcher {
  const tickMs = options.tickMs ?? 15_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const stopping = new AbortController();
  const downloads = hostLimiter({ perHost: 2, total: 4 });
  const runner = options.runner ?? { run: (job, signal) => ingestFeed(job, signal, undefined, undefined, now) };
  /** The connection that holds (or keeps trying) the lock; never one of the pool's. */
  let lockClient: pg.Client | null = null;
  let fetching = false;
  let timer: NodeJS.Timeout | undefined;
  let tickDone: Promise<void> = Promise.resolve();

  const dropLockClient = () => {
    const client = lockClient;
    lockClient = null;
    fetching = false;
    void client?.end().catch(() => undefined);
  };

  /** Keeps or takes the lock; false while another server holds it. */
  async function lead(): Promise<boolean> {
    if (lockClient && fetching) {
      if (await holdsFetcherLock(lockClient).catch(() => false)) return true;
      log('fetcher: lost the fetcher lock (its connection to PostgreSQL ended); fetching stops here, another team server takes over');
      dropLockClient();
    }
    if (!lockClient) {
      // Named for pg_stat_activity; kept alive and with a time limit on every query, so a connection
      // dropped without a word fails the next tick's check instead of hanging it.
      const client = new pg.Client({ ...pool.options, application_name: 'switchboard team fetcher', keepAlive: true, query_timeout: Math.max(tickMs, 10_000) });
      // A dead connection is noticed by the next tick's query; this only keeps the error from crashing the server.
      client.on('error', () => undefined);
      await client.connect();
      lockClient = client;
    }
    try {
      fetching = await tryTakeFetcherLock(lockClient);
    } catch (error) {
      dropLockClient();
      throw error;
    }
    if (fetching) log('fetcher: this team server now fetches the workspace feeds');
    return fetching;
  }

  async function fetchOne(feed: DueFeed): Promise<void> {
    try {
      const stored = await fetchWorkspaceFeed(pool, feed, { now, signal: stopping.signal, runner, classifyAddress: options.classifyAddress, allowLocalFeeds: options.allowLocalFeeds });
      if (stored?.newComments || stored?.editedComments) log(`fetcher: ${feed.url}: ${stored.newComments} new, ${stored.editedComments} edited comments`);
    } catch (error) {
      // The workspace refused the batch (PostgreSQL gone, say): nothing of it was kept, and the feed is still due.
      log(`fetcher: storing ${feed.url} failed (${reason(error)}); it is fetched again next time`);
    }
  }

  async function tick(): Promise<void> {
    try {
      if (!(await lead())) return;
      const due = await dueFeeds(pool, now());
      await Promise.all(due.map((feed) => downloads(hostOf(feed.url), () => (stopping.signal.aborted ? Promise.resolve() : fetchOne(feed)))));
    } catch (error) {
      log(`fetcher: could not reach the workspace database (${reason(error)}); trying again in ${Math.round(tickMs / 1000)} s`);
    }
  }

  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      tickDone = tick().finally(() => {
        if (!stopping.signal.aborted) schedule(tickMs);
      });
    }, delay);
  };
  schedule(0);

  return {
    get fetching() {
      return fetching;
    },
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await tickDone;
      const client = lockClient;
      lockClient = null;
      fetching = false;
      if (!client) return;
      // Ending the session gives the lock up too; unlocking first lets another server take it at its next try.
      await releaseFetcherLock(client).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
