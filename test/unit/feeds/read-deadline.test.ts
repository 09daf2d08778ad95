// A feed slow to read (issue 11, failure 3): parsing and sanitizing cannot be interrupted inside
// the ingest worker, so past its deadline the lead stops the thread, reports the feed, and has the
// thread's other jobs read on a fresh one. Cancel stops a reading the same way. The slow feed is
// real hostile input within the size and comment limits (/hostile/many-entries, ~10 MiB of tiny
// comments, seconds to read); the deadline here is a fraction of a second, so it passes for sure.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { createService } from '../../../main/app/service';
import { workerRunner, type IngestRunner } from '../../../main/features/feeds/runner';
import type { IngestOutcome } from '../../../main/features/feeds/pipeline';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { ensureBuilt } from '../../support/built-cli';

const WORKER = path.resolve(__dirname, '../../../out/main/ingest-worker.js');
const DEADLINE_MS = 300;
const TOO_SLOW = { status: 'error', category: 'timeout', message: 'took too long to read (over 300 ms); Switchboard stopped reading it' };

let server: FixtureServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
}, 120_000);
afterAll(() => server?.close());

/** A job on the slow feed; resolves `fetched` once its download is over and its reading starts. */
function slowJob(runner: IngestRunner, signal?: AbortSignal): { fetched: Promise<void>; outcome: Promise<IngestOutcome> } {
  let fetched!: () => void;
  const downloaded = new Promise<void>((resolve) => (fetched = resolve));
  return { fetched: downloaded, outcome: runner.run({ url: server.url('/hostile/many-entries') }, signal, fetched) };
}

const comments = (outcome: IngestOutcome) => (outcome.status === 'ok' ? outcome.feed.comments.length : outcome);

describe('a feed that takes too long to read', () => {
  it('is stopped with its thread and reported; the jobs waiting on that thread are read on a fresh one, each downloaded once', async () => {
    const runner = workerRunner(WORKER, 1, { readDeadlineMs: DEADLINE_MS });
    const beside = runner.run({ url: server.url('/feeds/rss10-rdf.xml') });
    const slow = slowJob(runner);
    await slow.fetched;
    // Sent while the only thread is busy reading the slow feed: they wait on it.
    const waiting = [runner.run({ url: server.url('/feeds/wordpress-comments.xml') }), runner.run({ url: server.url('/feeds/atom10.xml') })];
    expect(await slow.outcome).toEqual({ ...TOO_SLOW, httpStatus: null, retryAt: null });
    expect(await Promise.all([beside, ...waiting].map(async (job) => comments(await job)))).toEqual([4, 5, 4]);
    for (const feed of ['/feeds/rss10-rdf.xml', '/feeds/wordpress-comments.xml', '/feeds/atom10.xml']) expect(server.hits(feed)).toBe(1);
    // The fresh thread goes on taking jobs.
    expect(comments(await runner.run({ url: server.url('/feeds/atom10.xml') }))).toBe(4);
    await runner.close();
  });

  it('shows in feed health as a timeout in plain words, and the run stores the other feeds', async () => {
    const service = createService({
      db: openDatabase(':memory:'),
      dbPath: ':memory:',
      version: '0.0.0-test',
      runner: workerRunner(WORKER, 1, { readDeadlineMs: DEADLINE_MS }),
    });
    const urls = ['/hostile/many-entries', '/feeds/wordpress-comments.xml', '/feeds/atom10.xml'].map((feed) => server.url(feed));
    await service.client['opml-import']({ opml: `<opml version="2.0"><body>${urls.map((url) => `<outline text="f" xmlUrl="${url}"/>`).join('')}</body></opml>`, allowLocal: true });
    const results = await service.client['feeds-fetch']({ all: true });
    expect(results.map(({ status, newItems }) => [status, newItems])).toEqual([['error', 0], ['ok', 5], ['ok', 4]]);
    const [slow] = await service.client['feeds-list']();
    expect(slow).toMatchObject({ url: urls[0], lastError: { category: TOO_SLOW.category, message: TOO_SLOW.message }, failuresInARow: 1, itemCount: 0 });
    await service.close();
  });
});

describe('cancelling a feed while it is read', () => {
  it('takes effect at once, however long the reading would take, and the thread is replaced', async () => {
    const runner = workerRunner(WORKER, 1, { readDeadlineMs: 60_000 });
    const cancel = new AbortController();
    const slow = slowJob(runner, cancel.signal);
    await slow.fetched;
    const waiting = runner.run({ url: server.url('/feeds/atom10.xml') });
    cancel.abort();
    expect(await slow.outcome).toEqual({ status: 'cancelled' });
    expect(comments(await waiting)).toBe(4);
    await runner.close();
  });
});
