// Every write transaction starts IMMEDIATE: it takes the write lock when it begins, waiting its turn
// behind another writer (busy_timeout) with a fresh view of the data. A deferred one that reads
// first is refused at once when it tries to write after another connection committed (SQLite
// cannot let it write from a stale view), and that lost moderators' writes while the CLI fetched.
import type { Database as Db } from 'better-sqlite3';

/** Runs `write` in one IMMEDIATE transaction (a savepoint inside another), and returns its result. */
export function writeTransaction<T>(db: Db, write: () => T): T {
  return db.transaction(write).immediate();
}
