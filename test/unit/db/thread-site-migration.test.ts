// Migration 006 (threads by site) on a database written at version 5, with comments of two sites
// in one thread: each site gets its own thread, every reference stays intact, search still finds
// comments by their thread's title.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { tempDir } from '../../support/temp';

function openAt(file: string, version: number): Database.Database {
  const db = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((migration) => migration.version <= version));
  return db;
}

function seedVersion5(db: Database.Database) {
  const feed = db.prepare('INSERT INTO feeds (url, title, created_at) VALUES (?, ?, 0)');
  const blog = Number(feed.run('https://blog.example/comments/feed/', 'Blog').lastInsertRowid);
  const evil = Number(feed.run('http://Evil.example:8080/feed.xml', 'Evil').lastInsertRowid);
  const thread = db.prepare('INSERT INTO threads (url, title, created_at) VALUES (?, ?, 0)');
  const outage = Number(thread.run('https://blog.example/outage/', 'Outage').lastInsertRowid);
  const launch = Number(thread.run('https://blog.example/launch/', 'Launch').lastInsertRowid);
  thread.run('https://blog.example/forgotten/', 'Forgotten');
  let guid = 0;
  const item = (feedId: number, threadId: number, author: string, text: string, status = 'new') => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO items (feed_id, guid, thread_id, author, published_at, content_html, content_text, status, snooze_until_reply, fetched_at, updated_at)
           VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, 0)`,
        )
        .run(feedId, `g${++guid}`, threadId, author, `<p>${text}</p>`, text, status, status === 'snoozed' ? 1 : 0).lastInsertRowid,
    );
    const title = db.prepare('SELECT title FROM threads WHERE id = ?').pluck().get(threadId) as string;
    db.prepare('INSERT INTO items_fts (rowid, content_text, author, thread_title) VALUES (?, ?, ?, ?)').run(id, text, author, title);
    return id;
  };
  const ids = {
    question: item(blog, outage, 'Priya', 'Is the dashboard down?', 'snoozed'),
    planted: item(evil, outage, 'Official Support', 'Verify your account here'),
    teaser: item(evil, launch, 'Mallory', 'First!'),
    review: item(blog, launch, 'Marcus', 'Great launch, the new editor is fast'),
  };
  db.prepare("INSERT INTO drafts (item_id, body, created_at, updated_at) VALUES (?, 'Looking into it', 0, 0)").run(ids.question);
  db.prepare("INSERT INTO spotlight_actions (item_id, action, at) VALUES (?, 'feature', 0)").run(ids.review);
  return { blog, evil, outage, launch, ids };
}

describe('migration 006: threads by site', () => {
  it('splits a thread two sites commented in, keeping every reference and the search index', () => {
    const file = path.join(tempDir(), 'v5.db');
    const v5 = openAt(file, 5);
    const seeded = seedVersion5(v5);
    v5.close();

    const db = openAt(file, migrations.at(-1)!.version);
    expect(db.prepare('SELECT id, site FROM feeds ORDER BY id').all()).toEqual([
      { id: seeded.blog, site: 'blog.example' },
      { id: seeded.evil, site: 'evil.example' },
    ]);
    const threadOf = (itemId: number) =>
      db.prepare('SELECT t.id, t.site, t.url, t.title FROM items i JOIN threads t ON t.id = i.thread_id WHERE i.id = ?').get(itemId) as { id: number; site: string; url: string; title: string };
    // A thread keeps its id for the site of its oldest comment; the other site's comments move.
    expect(threadOf(seeded.ids.question)).toEqual({ id: seeded.outage, site: 'blog.example', url: 'https://blog.example/outage/', title: 'Outage' });
    expect(threadOf(seeded.ids.planted)).toMatchObject({ site: 'evil.example', url: 'https://blog.example/outage/', title: 'Outage' });
    expect(threadOf(seeded.ids.planted).id).not.toBe(seeded.outage);
    expect(threadOf(seeded.ids.teaser)).toMatchObject({ id: seeded.launch, site: 'evil.example' });
    expect(threadOf(seeded.ids.review)).toMatchObject({ site: 'blog.example', title: 'Launch' });
    // A thread no comment refers to is not carried over.
    expect(db.prepare('SELECT COUNT(*) FROM threads').pluck().get()).toBe(4);

    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT item_id FROM drafts').pluck().all()).toEqual([seeded.ids.question]);
    expect(db.prepare('SELECT item_id FROM spotlight_actions').pluck().all()).toEqual([seeded.ids.review]);

    // Search still finds comments by thread title, moved ones included, and follows a rename.
    const byTitle = (title: string) => db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid').pluck().all(`thread_title:${title}`);
    expect(byTitle('Launch')).toEqual([seeded.ids.teaser, seeded.ids.review]);
    db.prepare("UPDATE threads SET title = 'Relaunch' WHERE id = ?").run(threadOf(seeded.ids.review).id);
    expect(byTitle('Relaunch')).toEqual([seeded.ids.review]);

    // Foreign keys are on again: deleting a feed still takes its comments with it.
    db.prepare('DELETE FROM feeds WHERE id = ?').run(seeded.evil);
    expect(db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(2);
    db.close();
  });
});
