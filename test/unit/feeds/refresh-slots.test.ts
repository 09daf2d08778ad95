// A fetch run holds at most two connections per host, but only while a feed is on the network:
// once its body is read, the next feed of that host starts while the first is parsed and stored.
import { describe, expect, it } from 'vitest';
import { createService } from '../../../main/api/service';
import { openDatabase } from '../../../db/connection';
import type { IngestRunner } from '../../../main/features/feeds/runner';
import { refreshFeeds } from '../../../main/features/feeds/refresh';
import { addFeed } from '../../support/seed';

/** A runner that "downloads" for a moment and then "parses" for longer, recording overlaps. */
function slowParsingRunner(tellsWhenFetched: boolean) {
  let downloading = 0;
  let inFlight = 0;
  const worst = { downloading: 0, inFlight: 0 };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const runner: IngestRunner = {
    async run(job, _signal, onFetched) {
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
  return { runner, worst };
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

  it('keeps a slot until the runner says the download is over', async () => {
    const { runner, worst } = slowParsingRunner(false);
    const service = serviceWith(runner);
    const ids = [1, 2, 3, 4].map((n) => addFeed(service.context.db, `Feed ${n}`, `https://forum.example/t/${n}.rss`));
    await refreshFeeds(service.context, { feedIds: ids });
    expect(worst.inFlight).toBe(2);
    await service.close();
  });
});
