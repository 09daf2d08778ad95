// Fetches due feeds in the background while the console is open (Electron window or browser
// mode; one-shot CLI commands never schedule). When every feed of a run fails to connect, the
// network is taken to be down: the console says it is offline, only one feed is tried per tick
// as a probe, and a success brings everything back on schedule.
import type { Service, ServiceContext } from '../../api/service';
import type { FetchResult } from '../../api/types';
import { refreshFeeds } from './refresh';

export const TICK_MS = 60_000;

export function looksOffline(results: FetchResult[]): boolean {
  return results.length > 0 && results.every((result) => result.error?.category === 'network');
}

function dueFeedIds(ctx: ServiceContext): number[] {
  return ctx.db
    .prepare<{ now: number }, { id: number }>(
      `SELECT id FROM feeds WHERE unsubscribed_at IS NULL AND status = 'active' AND (follow_until IS NULL OR follow_until > @now)
         AND (last_fetched_at IS NULL OR (next_fetch_at IS NOT NULL AND next_fetch_at <= @now)) ORDER BY next_fetch_at`,
    )
    .all({ now: ctx.now() })
    .map((row) => row.id);
}

function setOnline(ctx: ServiceContext, online: boolean): void {
  if (ctx.feeds.online === online) return;
  ctx.feeds.online = online;
  if (online) {
    // Feeds that failed only because the network was down are due again at once.
    ctx.db.prepare(`UPDATE feeds SET next_fetch_at = @now WHERE error_category = 'network' AND status = 'active'`).run({ now: ctx.now() });
  }
  ctx.events.emit('network-changed', { online });
}

/** One scheduler tick: fetch what is due (or probe with one feed while offline). */
export async function tick(ctx: ServiceContext): Promise<FetchResult[]> {
  if (ctx.feeds.activeRun) return [];
  const due = dueFeedIds(ctx);
  if (due.length === 0) return [];
  const results = await refreshFeeds(ctx, { feedIds: ctx.feeds.online ? due : due.slice(0, 1) });
  setOnline(ctx, !looksOffline(results));
  return results;
}

export function startScheduler(service: Service, tickMs = TICK_MS): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    tick(service.context)
      .catch(() => {
        // A failed tick (a fetch already running, a database busy) is retried at the next one.
      })
      .finally(() => (running = false));
  };
  const timer = setInterval(run, tickMs);
  timer.unref();
  setTimeout(run, 1_000).unref();
  return () => clearInterval(timer);
}
