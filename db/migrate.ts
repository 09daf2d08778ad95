import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';
import { writeTransaction } from './write';

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `database: this file has schema version ${found}, written by a newer Switchboard; this one knows up to version ${known}. ` +
        'Update Switchboard, or open another file with --db PATH.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** The schema version recorded in the file (0 for a new, empty database). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The newest schema version these migrations reach. */
export function latestVersion(all: readonly Migration[]): number {
  return all.at(-1)?.version ?? 0;
}

/**
 * Applies every migration newer than the file's version, in order, each inside its own
 * transaction together with the version bump, so a failure leaves the last good version.
 * Refuses a file written by a newer app rather than guessing at its schema.
 *
 * Foreign keys are off while migrations run, as SQLite's documented table rebuild ("making other
 * kinds of table schema changes") requires: with them on, dropping the old copy of a parent table
 * would run its ON DELETE actions on every child row. The pragma is a no-op inside a transaction,
 * so it is set around them, and each migration checks the keys itself before it commits: one
 * that leaves a dangling reference is rolled back.
 *
 * Each transaction takes the write lock first and only then reads the version: several
 * processes opening one new file at once (CLI commands started together) queue on the lock,
 * and the ones that come later find the migration done instead of applying it again.
 */
export function migrate(db: Database, all: readonly Migration[], now = Date.now): number {
  const known = latestVersion(all);
  const tooNew = () => {
    const found = schemaVersion(db);
    if (found > known) throw new SchemaTooNewError(found, known);
    return found;
  };
  // Up to date: no lock taken, so an ordinary open never waits behind a writer.
  if (tooNew() === known) return known;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of all) {
      writeTransaction(db, () => {
        if (tooNew() >= migration.version) return;
        db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
        db.exec(migration.sql);
        const dangling = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (dangling.length > 0) {
          const { table, parent } = dangling[0]!;
          throw new Error(`database: migration ${migration.version} (${migration.name}) would leave ${dangling.length} rows of ${table} pointing at missing ${parent} rows; nothing was changed`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now());
        db.pragma(`user_version = ${migration.version}`);
      });
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return schemaVersion(db);
}
