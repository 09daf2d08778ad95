// Prepared statements, compiled once per connection and reused (as Signal Desktop does): a
// statement's compile costs more than running it on the small queries a keystroke makes.
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement<unknown[], unknown>>>();

/** The statement for `sql` on this connection, compiled on first use. Only for fixed SQL text. */
export function prepared<P extends unknown[] | {} = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
