// Opening the database the way the app does: look at it first, keep a damaged file read-only
// rather than write more into it, and back an existing database up before a migration changes
// its schema.
//
// PRAGMA quick_check reads every page: 6 to 9 s for a million comments (npm run bench:open), too
// long to stand before every command. So an open only looks at what every statement needs (the
// header and the schema), and the console runs the full check in a worker thread once it is up
// (main/app/integrity.ts); damage found later is reported by the statement that reaches it.
import fs from 'node:fs';
import type { DatabaseDamage } from '../common/types';
import { backUp, verifiedCopy } from './backup';
import { newestBackup } from './backup-files';
import { configure, connect, openDatabase, type Db } from './connection';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { isDamage } from './storage-faults';

export interface OpenedDatabase {
  db: Db;
  /** Set when the file failed its check: `db` is then read-only. */
  damage: DatabaseDamage | null;
}

/**
 * Whether the header and the schema can be read: 'ok', or what SQLite said about the damage.
 * Milliseconds at any size. Other failures (a full disk, a folder that refuses the -shm file) are
 * not the file's fault: those are 'ok' here, and the open that follows says what they are.
 */
export function quickLook(db: Db): string {
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return 'ok';
  } catch (error) {
    return isDamage(error) ? (error as Error).message : 'ok';
  }
}

/** SQLite's quick_check verdict: 'ok', or its first findings (or the error it stopped on). Reads every page. */
export function quickCheck(db: Db): string {
  try {
    const rows = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
    return rows.map((row) => row.quick_check).join('; ');
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * verifiedCopy of the database file `file`, read on a connection of its own and copied in one
 * step: a consistent snapshot however long it takes, which another connection's writes (allowed
 * meanwhile in WAL mode) cannot restart, as they restart a copy taken a few pages at a time.
 * What the check worker runs for the console's backups.
 */
export async function verifiedCopyOfFile(file: string, target: string): Promise<string> {
  const reader = openReadOnly(file);
  try {
    return await verifiedCopy(reader, target, 'backup', 'the database', ALL_PAGES);
  } finally {
    reader.close();
  }
}

/** The most pages sqlite3_backup_step copies in one step: all of them. */
const ALL_PAGES = 0x7fffffff;

export async function openChecked(file: string, now: () => number): Promise<OpenedDatabase> {
  if (file === ':memory:' || !fs.existsSync(file)) return { db: openDatabase(file), damage: null };
  // Looked at through a read-only connection: nothing is written into a file before it passes.
  // A file that cannot even be opened so (a folder, no permission to read) is no damage: the open
  // below says what it is.
  const probe = openReadOnlyOrNull(file);
  if (probe) {
    const finding = quickLook(probe);
    if (finding !== 'ok') return { db: probe, damage: { finding, newestBackup: newestBackup(file) } };
    probe.close();
  }
  const db = connect(file);
  try {
    configure(db);
    const version = schemaVersion(db);
    // A database with a schema (so with the moderator's data) is copied before it changes.
    if (version > 0 && version < latestVersion(migrations)) await backUp(db, file, 'before-migration', now());
    migrate(db, migrations, now);
    return { db, damage: null };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The full check of a database file, on a connection of its own (the console runs it in a worker). */
export function checkFile(file: string): string {
  const db = openReadOnly(file);
  try {
    return quickCheck(db);
  } finally {
    db.close();
  }
}

/** Opens `file` read-only: to look at it before trusting it, for a database found damaged, and for a console's long reads (main/core/reads.ts). */
export function openReadOnly(file: string): Db {
  const db = connect(file, { readonly: true });
  db.pragma('busy_timeout = 5000');
  // As configure() does for the console's own connection: sorts and temporary tables in memory.
  db.pragma('temp_store = MEMORY');
  return db;
}

function openReadOnlyOrNull(file: string): Db | null {
  try {
    return openReadOnly(file);
  } catch {
    return null;
  }
}
