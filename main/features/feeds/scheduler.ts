// Fetches due feeds in the background while the console is open (Electron window or browser
// mode; one-shot CLI commands never schedule). When every feed of a run fails to connect, the
// network is taken to be down: the console says it is offline, only one feed is tried per tick
// as a probe, and a success brings everything back on schedule.
import type { FeedsContext } from './context';
import type { FetchResult } from '../../../common/types';
import { catchUpBeforeRead } from '../../core/changes';
import { refreshFeeds, selectFeeds } from './refresh';
import { makeOfflineFailuresDue } from '../../../db/tables/feeds';

export const TICK_MS = 60_000;

/** Every feed of a run failed to connect, and there were at least two: one dead site is not an outage. */
export function looksOffline(results: FetchResult[]): boolean {
  return results.length >= 2 && results.every((result) => result.error?.category === 'network');
}

function setOnline(ctx: FeedsContext, online: boolean): void {
  if (ctx.feeds.online === online) return;
  ctx.feeds.online = online;
  if (online) {
    // Feeds that failed only because the network was down are due again at once.
    makeOfflineFailuresDue(ctx.db, ctx.now());
  }
  ctx.events.emit('network-changed', { online });
}

/** One scheduler tick: fetch what is due (or probe with one feed while offline). */
export async function tick(ctx: FeedsContext): Promise<FetchResult[]> {
  catchUpBeforeRead(ctx);
  if (ctx.feeds.activeRun) return [];
  const due = selectFeeds(ctx, {}).map((feed) => feed.id);
  if (due.length === 0) return [];
  // Offline, one feed probes; any success means the network is back.
  const results = await refreshFeeds(ctx, { feedIds: ctx.feeds.online ? due : due.slice(0, 1) });
  if (ctx.feeds.online) setOnline(ctx, !looksOffline(results));
  else setOnline(ctx, results.some((result) => result.error?.category !== 'network'));
  return results;
}

export function startScheduler(ctx: FeedsContext, tickMs = TICK_MS): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    tick(ctx)
      .catch((error: unknown) => {
        // A failed tick is retried at the next one; say why, so it leaves a trace.
        process.stderr.write(`switchboard: scheduler: ${error instanceof Error ? error.message : String(error)}\n`);
      })
      .finally(() => (running = false));
  };
  const timer = setInterval(run, tickMs);
  timer.unref();
  // Cleared on stop too: a first tick after the service closed would fail on a closed database.
  const first = setTimeout(run, 1_000).unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
