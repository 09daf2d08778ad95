// Whether another process (the CLI, a second console on the same file) committed to the database
// since this connection last looked: SQLite's data_version moves only for other connections'
// commits.
import type { Db } from './connection';
import { prepared } from './statements';

const seenVersions = new WeakMap<Db, number>();

/** True when another connection committed since the last call; the first call on a connection only takes the mark. */
export function writtenElsewhere(db: Db): boolean {
  const version = prepared<[], { data_version: number }>(db, 'PRAGMA data_version').get()?.data_version;
  if (version === undefined) return false;
  const seen = seenVersions.get(db);
  seenVersions.set(db, version);
  return seen !== undefined && seen !== version;
}
