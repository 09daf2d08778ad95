// Puts comments into a test database the way the app would find them: the real CLI creates the
// schema, then plain SQL adds rows (feed ingestion arrives with the feeds feature).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeBindingForThisProcess } from '../../../db/native';
import { indexItem } from '../../../db/search-index';
import { PROJECT_ROOT } from './electron';

export interface SeedComment {
  author: string;
  text: string;
  thread: string;
  minutesAgo: number;
  /** The comment's stored HTML, as the sanitizer left it; `<p>text</p>` when absent. */
  html?: string;
  /** Another feed's title (created on first use); the spec's feedTitle when absent. */
  feed?: string;
}

export interface SeedSpec {
  feedTitle: string;
  comments: SeedComment[];
}

export function seedComments(dbPath: string, { feedTitle, comments }: SeedSpec): void {
  const created = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), '--db', dbPath, 'api', 'app-info'], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`seed: could not create the database: ${created.stderr}`);
  const db = new Database(dbPath, { nativeBinding: nativeBindingForThisProcess() });
  const now = Date.now();
  db.transaction(() => {
    const feeds = new Map<string, { id: number | bigint; site: string }>();
    const feedNamed = (title: string) => {
      const site = `${title.replace(/\W+/g, '-').toLowerCase()}.example`;
      if (!feeds.has(title)) feeds.set(title, { id: db.prepare('INSERT INTO feeds (url, site, title, created_at) VALUES (?, ?, ?, ?)').run(`https://${site}/comments/feed/`, site, title, now).lastInsertRowid, site });
      return feeds.get(title)!;
    };
    feedNamed(feedTitle);
    const thread = db.prepare('INSERT INTO threads (site, url, title, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (site, url) DO UPDATE SET title = excluded.title RETURNING id');
    const item = db.prepare(
      `INSERT INTO items (feed_id, guid, thread_id, author, published_at, content_html, content_text, fetched_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    comments.forEach((comment, index) => {
      const { id: feedId, site } = feedNamed(comment.feed ?? feedTitle);
      const threadId = (thread.get(site, `https://blog.example/${comment.thread.replace(/\W+/g, '-').toLowerCase()}`, comment.thread, now) as { id: number }).id;
      const id = item.run(feedId, `seed-${index}`, threadId, comment.author, now - comment.minutesAgo * 60_000, comment.html ?? `<p>${comment.text}</p>`, comment.text, now, now).lastInsertRowid;
      indexItem(db, Number(id), comment.text, comment.author, comment.thread);
    });
  })();
  db.close();
}
