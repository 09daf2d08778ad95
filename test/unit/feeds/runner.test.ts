// Both runners tell when a feed's download is over, before its outcome, so a fetch run can give
// the host's slot to the next feed while this one is parsed; and neither leaves listeners on the
// run's shared abort signal. The worker runner is the real bundled worker thread.
import { getEventListeners } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerRunner, type IngestRunner } from '../../../main/features/feeds/runner';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { ensureBuilt } from '../../support/built-cli';

let server: FixtureServer;
let worker: IngestRunner;
beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
  worker = workerRunner(path.resolve(__dirname, '../../../out/main/ingest-worker.js'), 1);
}, 120_000);
afterAll(async () => {
  // Optional: when the build fails, beforeAll's error is the one to see.
  await worker?.close();
  server?.close();
});

/** Runs one job and records, in order, "fetched" and the outcome's status. */
async function events(runner: IngestRunner, feedPath: string, signal?: AbortSignal): Promise<string[]> {
  const seen: string[] = [];
  const outcome = await runner.run({ url: server.url(feedPath) }, signal, () => seen.push('fetched'));
  seen.push(outcome.status);
  return seen;
}

describe.each([
  ['in process', () => inProcessRunner()],
  ['in the worker thread', () => worker],
])('the runner %s', (_name, runner) => {
  it('says the download is over once, before the outcome, whether the feed is fine or missing', async () => {
    expect(await events(runner(), '/feeds/wordpress-comments.xml')).toEqual(['fetched', 'ok']);
    expect(await events(runner(), '/no/such/feed.xml')).toEqual(['fetched', 'error']);
  });

  it('takes its listener off the run signal when the job ends', async () => {
    const signal = new AbortController().signal;
    await Promise.all([events(runner(), '/feeds/atom10.xml', signal), events(runner(), '/feeds/rss10-rdf.xml', signal)]);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('reads a feed from bytes downloaded already, without a request, and keeps their validators', async () => {
    const url = server.url('/feeds/atom10.xml');
    const downloaded = { finalUrl: url, body: fs.readFileSync(path.resolve(__dirname, '../../fixtures/feeds/atom10.xml')), contentType: 'application/atom+xml', etag: '"v1"', lastModified: null };
    const before = server.hits(url);
    const seen: string[] = [];
    const outcome = await runner().run({ url, downloaded }, undefined, () => seen.push('fetched'));
    expect(server.hits(url)).toBe(before);
    expect(seen).toEqual(['fetched']);
    expect(outcome).toMatchObject({ status: 'ok', finalUrl: url, etag: '"v1"', lastModified: null, feed: { kind: 'comments' } });
    expect(outcome.status === 'ok' && outcome.feed.comments.map((comment) => comment.author).sort()).toEqual(['Aiko Tanaka', 'Eleanor Price', 'Jonas Berg', 'Miguel Santos']);
  });
});
