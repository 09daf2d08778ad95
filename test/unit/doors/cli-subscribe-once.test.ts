// `switchboard subscribe` downloads a feed once (issue 10, "Discover once"): the real CLI (bundle
// and worker thread) against the fixture server, which counts the requests it gets.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { tempDir } from '../../support/temp';

let server: FixtureServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
}, 120_000);
afterAll(() => server?.close());

function switchboard(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs the CLI and returns what it printed with the requests the server saw meanwhile. */
async function subscribe(url: string) {
  const db = path.join(tempDir(), 'cli.db');
  const before = server.requests().length;
  const run = await switchboard(db, '--json', 'subscribe', '--allow-local', url);
  return { ...run, db, requests: server.requests().slice(before) };
}

describe('switchboard subscribe', () => {
  it('a feed address: one request to the feed, and its comments stored', async () => {
    const run = await subscribe(server.url('/feeds/atom10.xml'));
    expect(run.code).toBe(0);
    expect(run.requests).toEqual(['GET /feeds/atom10.xml']);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 1, url: server.url('/feeds/atom10.xml'), itemCount: 4, lastError: null });
    const items = JSON.parse((await switchboard(run.db, '--json', 'items', '--feed', '1')).stdout) as { author: string }[];
    expect(items.map((item) => item.author).sort()).toEqual(['Aiko Tanaka', 'Eleanor Price', 'Jonas Berg', 'Miguel Santos']);
  });

  it('a page address: one request to the page and one to the comment feed it picks', async () => {
    const run = await subscribe(server.url('/pages/wordpress-home.html'));
    expect(run.code).toBe(0);
    expect(run.requests).toEqual(['GET /pages/wordpress-home.html', 'GET /feeds/wordpress-comments.xml']);
    expect(JSON.parse(run.stdout)).toMatchObject({ url: server.url('/feeds/wordpress-comments.xml'), itemCount: 5 });
  });
});
