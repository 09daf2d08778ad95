import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { nativeBindingForThisProcess } from './native';
import { openConnection } from './open-mode';

export type Db = Database.Database;

/**
 * A connection to `file` with no settings applied; `readonly` never writes to it. Otherwise it is
 * opened for writing where the system allows it, else read-only (db/open-mode.ts).
 */
export function connect(file: string, options: { readonly?: boolean } = {}): Db {
  if (options.readonly) return new Database(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingForThisProcess() });
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return openConnection(file, nativeBindingForThisProcess());
}

/** The settings every Switchboard connection works under. */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A write to items fires triggers (the search index, the kept counts), so SQLite keeps a
  // statement journal for each one; stored in a temporary file it spilled to disk, about 19 page
  // writes per stored comment, and doubled the cost of storing a fetch. In memory it holds only
  // the few pages one statement touches. Temporary tables and sorts live in memory too: what a
  // keystroke asks pages through indexes; a GROUP BY over every comment (migration 009, the
  // dashboard) holds its sort in memory, tens of MB at a million comments.
  db.pragma('temp_store = MEMORY');
}

/**
 * Opens (creating if needed) the Switchboard database at `file` and brings its schema up to date.
 * `:memory:` gives a private in-memory database, for tests. The app opens through openChecked
 * (db/open.ts), which checks the file and backs it up before a migration first.
 */
export function openDatabase(file: string): Db {
  const db = connect(file);
  try {
    configure(db);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
