import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { nativeBindingForThisProcess } from './native';

export type Db = Database.Database;

/** A connection to `file` with no settings applied; `readonly` never writes to it. */
export function connect(file: string, options: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:' && !options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  return new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true, nativeBinding: nativeBindingForThisProcess() });
}

/** The settings every Switchboard connection works under. */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
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
