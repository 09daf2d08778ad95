// Threads: the post or topic comments belong to, one row per address (or per titled thread of a
// feed that links no post), shared by every feed of that site.
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface StoredThread {
  id: number;
  title: string;
}

/** The thread at this key, created if new; an untitled thread takes the first title it is given. */
export function upsertThread(db: Db, key: string, title: string, now: number): StoredThread | null {
  return (
    prepared<{ url: string; title: string; now: number }, StoredThread>(
      db,
      `INSERT INTO threads (url, title, created_at) VALUES (@url, @title, @now)
       ON CONFLICT (url) DO UPDATE SET title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END
       RETURNING id, title`,
    ).get({ url: key, title, now }) ?? null
  );
}
