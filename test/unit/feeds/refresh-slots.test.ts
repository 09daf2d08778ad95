// The service holds at most two connections per host, but only while a feed is on the network:
// once its body is read, the next feed of that host starts while the first is parsed and stored.
// A fetch the moderator waits for (subscribing, retrying a feed) shares the slots and goes first.
import { describe, expect, it } from 'vitest';
import { createService } from '../../../main/app/service';
import { openDatabase } from '../../../db/connection';
import type { IngestRunner } from '../../../main/features/feeds/runner';
import { fetchFeedsNow, refreshFeeds } from '../../../main/features/feeds/refresh';
import { addFeed } from '../../support/seed';

/** A runner that "downloads" for a moment and then "parses" for longer, recording overlaps. */
function slowParsingRunner(tellsWhenFetched: boolean) {
  let downloading = 0;
  let inFlight = 0;
  const worst = { downloading: 0, inFlight: 0 };
  /** Every download in the order it started. */
  const started: string[] = [];
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const runner: IngestRunner = {
    async run(job, _signal, onFetched) {
      started.push(job.url);
      inFlight += 1;
      downloading += 1;
      worst.inFlight = Math.max(worst.inFlight, inFlight);
      worst.downloading = Math.max(worst.downloading, downloading);
      await pause(5);
      downloading -= 1;
      if (tellsWhenFetched) onFetched?.();
      await pause(40);
      inFlight -= 1;
      return { status: 'not-modified', finalUrl: job.url, etag: null, lastModified: null };
    },
    discover: async () => ({ status: 'ok', candidates: [] }),
    close: async () => {},
  };
  return { runner, worst, started };
}

function serviceWith(runner: IngestRunner) {
  return createService({ db: openDatabase(':memory:'), dbPath: ':memory:', version: '0.0.0-test', runner });
}

describe('fetch run slots', () => {
  it('never downloads more than two feeds of one host at once, yet parses the next ones meanwhile', async () => {
    const { runner, worst } = slowParsingRunner(true);
    const service = serviceWith(runner);
    const ids = [1, 2, 3, 4, 5, 6].map((n) => addFeed(service.context.db, `Feed ${n}`, `https://forum.example/t/${n}.rss`));
    const results = await refreshFeeds(service.context, { feedIds: ids });
    expect(results.map((result) => result.status)).toEqual(Array(6).fill('not-modified'));
    expect(worst.downloading).toBe(2);
    expect(worst.inFlight).toBeGreaterThan(2);
    await service.close();
  });

  it('counts a fetch beside the run against the same host slots', async () => {
    const { runner, worst } = slowParsingRunner(true);
    const service = serviceWith(runner);
    const ids = [1, 2, 3, 4, 5, 6, 7].map((n) => addFeed(service.context.db, `Feed ${n}`, `https://forum.example/t/${n}.rss`));
    const run = refreshFeeds(service.context, { feedIds: ids.slice(0, 6) });
    await fetchFeedsNow(service.context, [ids[6]!]);
    await run;
    expect(worst.downloading).toBe(2);
    await service.close();
  });

  it("puts a fetch the moderator waits for ahead of the run's feeds still waiting", async () => {
    const { runner, started } = slowParsingRunner(true);
    const service = serviceWith(runner);
    const ids = Array.from({ length: 12 }, (_, n) => addFeed(service.context.db, `Feed ${n}`, `https://host-${n % 3}.example/${n}.rss`));
    const retried = addFeed(service.context.db, 'Retried', 'https://elsewhere.example/comments.rss');
    const run = refreshFeeds(service.context, { feedIds: ids });
    await fetchFeedsNow(service.context, [retried]);
    await run;
    // Four slots in all: the run took them first, and the retried feed had the next free one.
    expect(started.indexOf('https://elsewhere.example/comments.rss')).toBe(4);
    await service.close();
  });

  it('keeps a slot until the runner says the download is over', async () => {
    const { runner, worst } = slowParsingRunner(false);
    const service = serviceWith(runner);
    const ids = [1, 2, 3, 4].map((n) => addFeed(service.context.db, `Feed ${n}`, `https://forum.example/t/${n}.rss`));
    await refreshFeeds(service.context, { feedIds: ids });
    expect(worst.inFlight).toBe(2);
    await service.close();
  });
});
