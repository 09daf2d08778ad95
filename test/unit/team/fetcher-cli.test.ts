// `switchboard team feeds add|list|remove` as an owner runs them: the built command on a real
// PostgreSQL database, and the lines it prints.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { createTestDatabase } from '../../support/postgres';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  ensureBuilt();
  database = await createTestDatabase('fetcher_cli');
}, 120_000);
afterAll(async () => database?.drop());

function team(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, 'team', ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_PG: database.url } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('before team init, feeds says to make the workspace first', () => {
  const list = team('feeds', 'list');
  expect(list.code).not.toBe(0);
  expect(list.stderr).toMatch(/team init/);
});

test('an owner adds, lists and removes feeds; mistakes are refused in plain words', () => {
  expect(team('init', '--name', 'Acme support').code).toBe(0);
  expect(team('feeds', 'list').stdout).toMatch(/No feeds yet: add one with switchboard team feeds add URL/);

  const add = team('feeds', 'add', 'https://forum.example/posts.rss', '--title', 'Forum', '--interval', '30');
  expect(add.stderr).toBe('');
  expect(add.stdout).toMatch(/^Added feed (\d+): https:\/\/forum\.example\/posts\.rss\./);
  const id = /^Added feed (\d+)/.exec(add.stdout)![1]!;
  expect(team('feeds', 'add', 'https://forum.example/posts.rss').stdout).toMatch(`https://forum.example/posts.rss is feed ${id} already; the team server fetches it again now.`);

  const list = team('feeds', 'list').stdout;
  expect(list).toMatch(/id\s+title\s+address\s+health/);
  expect(list).toMatch(new RegExp(`${id}\\s+Forum\\s+https://forum\\.example/posts\\.rss\\s+not fetched yet`));
  const json = JSON.parse(team('--json', 'feeds', 'list').stdout);
  expect(json).toMatchObject([{ id: Number(id), title: 'Forum', intervalMinutes: 30, removed: false }]);

  const ftp = team('feeds', 'add', 'ftp://files.example/feed.xml');
  expect(ftp.code).not.toBe(0);
  expect(ftp.stderr).toMatch(/must be a whole http:\/\/ or https:\/\/ address/);
  expect(team('feeds', 'add', 'https://blog.example/feed/', '--interval', 'hourly').stderr).toMatch(/--interval must be a whole number of minutes from 0 to 10080, not "hourly"/);

  expect(team('feeds', 'remove', id).stdout).toMatch(`Removed feed ${id} (Forum): no longer fetched, and the desktops drop its comments.`);
  const again = team('feeds', 'remove', id);
  expect(again.code).not.toBe(0);
  expect(again.stderr).toMatch(`There is no feed ${id} in this workspace`);
  expect(team('feeds', 'remove', 'first').stderr).toMatch(/The feed id must be a positive whole number, not "first"/);
  expect(team('feeds', 'list').stdout).toMatch(/No feeds yet/);
});
