// A benchmark database: `count` comments over 500 threads of one feed, indexed for search, as a
// long-running console would have them.
import { openDatabase } from '../db/connection';
import { indexItem } from '../db/search-index';

export function seedComments(dbPath: string, count: number): void {
  const db = openDatabase(dbPath);
  const now = Date.now();
  db.transaction(() => {
    const feed = db.prepare("INSERT INTO feeds (url, site, title, created_at) VALUES ('https://bench.example/comments/feed/', 'bench.example', 'Bench blog', 0)").run().lastInsertRowid;
    const thread = db.prepare("INSERT INTO threads (site, url, title, created_at) VALUES ('bench.example', ?, ?, 0)");
    const threads = Array.from({ length: 500 }, (_, n) => Number(thread.run(`https://bench.example/post-${n}/`, `Post number ${n}`).lastInsertRowid));
    const item = db.prepare(
      `INSERT INTO items (feed_id, guid, thread_id, author, published_at, content_html, content_text, fetched_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
    );
    for (let n = 0; n < count; n += 1) {
      const author = `Member ${n % 5000}`;
      const text = `Comment ${n}: the dashboard shows a 502 again after the deploy; is anyone else seeing this?`;
      const id = Number(item.run(feed, `bench-${n}`, threads[n % threads.length], author, now - n * 60_000, `<p>${text}</p>`, text).lastInsertRowid);
      indexItem(db, id, text, author, `Post number ${n % threads.length}`);
    }
  })();
  db.close();
}
