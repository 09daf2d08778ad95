import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/connection';
import { indexItem } from '../../db/search-index';
import { createService, type Service } from '../../main/app/service';
import { inProcessRunner } from '../../main/features/feeds/in-process-runner';

/** A service on an in-memory database, its clock stopped, with its typed client. */
export function memoryService(): Service {
  return createService({
    db: openDatabase(':memory:'),
    dbPath: ':memory:',
    version: '0.0.0-test',
    now: () => Date.UTC(2026, 10, 26, 12),
    runner: inProcessRunner(),
  });
}

export function addFeed(db: Db, title = 'Acme blog comments', url = `https://acme.example/${title.replace(/\W+/g, '-')}/comments/feed/`): number {
  return Number(db.prepare('INSERT INTO feeds (url, site, title, created_at) VALUES (?, ?, ?, 0)').run(url, new URL(url).hostname, title).lastInsertRowid);
}

/** A thread of `site` (addFeed's default feeds are on acme.example). */
export function addThread(db: Db, title: string, url = `https://acme.example/${title.replace(/\W+/g, '-')}`, site = 'acme.example'): number {
  return Number(db.prepare('INSERT INTO threads (site, url, title, created_at) VALUES (?, ?, ?, 0)').run(site, url, title).lastInsertRowid);
}

export interface ItemSeed {
  feedId: number;
  threadId?: number;
  author?: string;
  text?: string;
  publishedAt?: number;
  status?: 'new' | 'routed' | 'snoozed' | 'done';
  route?: 'service' | 'spotlight' | 'ignore' | null;
}

let guidCounter = 0;

export function addItem(db: Db, seed: ItemSeed): number {
  guidCounter += 1;
  const text = seed.text ?? `Comment ${guidCounter}`;
  const id = Number(
    db
      .prepare(
        `INSERT INTO items (feed_id, guid, thread_id, author, published_at, content_html, content_text, status, route, fetched_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
      )
      .run(
        seed.feedId,
        `guid-${guidCounter}`,
        seed.threadId ?? null,
        seed.author ?? 'Dana',
        seed.publishedAt ?? Date.UTC(2026, 10, 1) + guidCounter * 60_000,
        `<p>${text}</p>`,
        text,
        seed.status ?? 'new',
        seed.route ?? null,
      ).lastInsertRowid,
  );
  const threadTitle = seed.threadId === undefined ? '' : (db.prepare('SELECT title FROM threads WHERE id = ?').pluck().get(seed.threadId) as string);
  indexItem(db, id, text, seed.author ?? 'Dana', threadTitle);
  return id;
}
