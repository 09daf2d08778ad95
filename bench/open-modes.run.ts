// What opening a database costs in each way db/open-mode.ts may open it: read-write (with the probe
// read that finds a full disk), read-only, and the read-only copy in memory that a full disk or a
// read-only folder falls back to, which reads the whole file. Seeds a file of COMMENTS comments,
// then prints the median of five opens (and a first queue page) per mode, and the copy's memory.
// `npm run bench:open` (COMMENTS=n to change the size). Prints figures, asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { it } from 'vitest';
import { openDatabase } from '../db/connection';
import { nativeBindingForThisProcess } from '../db/native';
import { readOnlyCopy } from '../db/open-mode';
import { createService } from '../main/app/service';
import { inProcessRunner } from '../main/features/feeds/in-process-runner';

const COMMENTS = Number(process.env.COMMENTS ?? 200_000);
const TRIALS = 5;

function seed(file: string): void {
  const db = openDatabase(file);
  db.transaction(() => {
    const feed = db.prepare("INSERT INTO feeds (url, site, title, created_at) VALUES ('https://blog.example/comments/feed/', 'blog.example', 'Blog', 0)").run().lastInsertRowid;
    const item = db.prepare(
      `INSERT INTO items (feed_id, guid, author, published_at, content_html, content_text, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
    );
    for (let n = 0; n < COMMENTS; n += 1) {
      const text = `Comment ${n}: the dashboard shows a 502 again after the deploy, and support has not answered yet`;
      item.run(feed, `g${n}`, `Member ${n % 5000}`, n, `<p>${text}</p>`, text);
    }
  })();
  db.close();
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/** Opens with `open`, reads the first Inbox page through the service, closes; ms to open and to the page. */
async function trial(file: string, open: () => Database.Database): Promise<{ open: number; page: number }> {
  const started = performance.now();
  const db = open();
  const opened = performance.now();
  const service = createService({ db, dbPath: file, version: 'bench', runner: inProcessRunner() });
  await service.client['items-list']({ view: 'inbox', limit: 50 });
  const paged = performance.now();
  await service.close();
  return { open: opened - started, page: paged - opened };
}

it(`opens a database of ${COMMENTS.toLocaleString('en-US')} comments in each mode`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-open-'));
  const file = path.join(dir, 'switchboard.db');
  seed(file);
  const size = fs.statSync(file).size;
  const binding = nativeBindingForThisProcess();
  const modes: [string, () => Database.Database][] = [
    ['read-write (with the probe read)', () => openDatabase(file)],
    ['read-only', () => new Database(file, { nativeBinding: binding, readonly: true })],
    ['read-only copy in memory', () => readOnlyCopy(file, binding)],
  ];
  const lines = [`a ${(size / 1048576).toFixed(0)} MiB file (${COMMENTS.toLocaleString('en-US')} comments), median of ${TRIALS}:`];
  for (const [name, open] of modes) {
    const runs: { open: number; page: number }[] = [];
    for (let n = 0; n < TRIALS; n += 1) runs.push(await trial(file, open));
    lines.push(`  ${name}: open ${median(runs.map((run) => run.open)).toFixed(1)} ms, first Inbox page ${median(runs.map((run) => run.page)).toFixed(1)} ms`);
  }
  const before = process.memoryUsage().rss;
  const copy = readOnlyCopy(file, binding);
  lines.push(`  the copy adds ${((process.memoryUsage().rss - before) / 1048576).toFixed(0)} MiB of memory while open`);
  copy.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(lines.join('\n'));
});
