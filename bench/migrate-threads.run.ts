// How long opening an existing database takes when it moves to threads by site (migration 006:
// the threads table rebuilt, comments of a second site moved to their own thread rows, their
// search entries rewritten) and to feed origins (007). Seeds a version-5 file, then times the
// migrations; prints figures, asserts nothing. `npm run bench:migrate` (COMMENTS=n to change size).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { it } from 'vitest';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { nativeBindingForThisProcess } from '../db/native';

const COMMENTS = Number(process.env.COMMENTS ?? 200_000);
const THREADS = 2_000;
/** One comment in this many comes from a second site's feed naming the same thread addresses. */
const OTHER_SITE_EVERY = 20;

function open(file: string): Database.Database {
  const db = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

it(`migrates ${COMMENTS.toLocaleString('en-US')} comments in ${THREADS} threads to threads by site`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-migrate-'));
  const file = path.join(dir, 'v5.db');
  const v5 = open(file);
  migrate(v5, migrations.filter((migration) => migration.version <= 5));
  v5.transaction(() => {
    const feed = v5.prepare('INSERT INTO feeds (url, title, created_at) VALUES (?, ?, 0)');
    const blog = feed.run('https://blog.example/comments/feed/', 'Blog').lastInsertRowid;
    const other = feed.run('https://planet.example/feed/', 'Planet').lastInsertRowid;
    const thread = v5.prepare('INSERT INTO threads (url, title, created_at) VALUES (?, ?, 0)');
    for (let n = 0; n < THREADS; n += 1) thread.run(`https://blog.example/post-${n}/`, `Post number ${n}`);
    const item = v5.prepare(
      `INSERT INTO items (feed_id, guid, thread_id, author, published_at, content_html, content_text, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
    );
    const search = v5.prepare('INSERT INTO items_fts (rowid, content_text, author, thread_title) VALUES (?, ?, ?, ?)');
    for (let n = 0; n < COMMENTS; n += 1) {
      const text = `Comment ${n}: the dashboard shows a 502 again after the deploy`;
      const threadNo = n % THREADS;
      const id = item.run(n % OTHER_SITE_EVERY === 0 ? other : blog, `g${n}`, threadNo + 1, `Member ${n % 5000}`, n, `<p>${text}</p>`, text).lastInsertRowid;
      search.run(id, text, `Member ${n % 5000}`, `Post number ${threadNo}`);
    }
  })();
  v5.close();
  const size = fs.statSync(file).size;

  const db = open(file);
  const started = performance.now();
  migrate(db, migrations);
  const ms = performance.now() - started;
  const moved = db.prepare("SELECT COUNT(*) FROM items i JOIN threads t ON t.id = i.thread_id WHERE t.site = 'planet.example'").pluck().get() as number;
  const check = db.pragma('foreign_key_check') as unknown[];
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `migrations 006-007 on a ${(size / 1048576).toFixed(0)} MiB version-5 file (${COMMENTS.toLocaleString('en-US')} comments, ${THREADS} threads, ` +
      `${moved.toLocaleString('en-US')} comments moved to a second site's threads): ${ms.toFixed(0)} ms; foreign_key_check: ${check.length} rows`,
  );
});
