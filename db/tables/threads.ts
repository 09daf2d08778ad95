// Threads: the post or topic comments belong to, one row per site and address (or per titled
// thread of a feed that links no post). Only feeds of the same site share a thread: a feed on
// another host naming this address gets a thread of its own (migration 006, feeds/site.ts).
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface StoredThread {
  id: number;
  title: string;
}

/** The site's thread at this key, created if new; an untitled thread takes the first title it is given. */
export function upsertThread(db: Db, site: string, key: string, title: string, now: number): StoredThread | null {
  return (
    prepared<{ site: string; url: string; title: string; now: number }, StoredThread>(
      db,
      `INSERT INTO threads (site, url, title, created_at) VALUES (@site, @url, @title, @now)
       ON CONFLICT (site, url) DO UPDATE SET title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END
       RETURNING id, title`,
    ).get({ site, url: key, title, now }) ?? null
  );
}
