import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { nativeBindingForThisProcess } from './native';
import { openConnection } from './open-mode';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the Switchboard database at `file` and brings its schema up to date.
 * `:memory:` gives a private in-memory database, for tests.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openConnection(file, nativeBindingForThisProcess());
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
