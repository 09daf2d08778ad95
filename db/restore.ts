// Putting a backup in place of the database file. The backup is copied and checked beside the
// database first; the current file (with its -wal, when SQLite could not fold it in) is kept in the
// backups folder; then the copy replaces it in one rename. The caller closes its own connection
// first, and a restore is refused while another Switchboard has the file open: swapping a file
// under an open connection would send that process's writes into the file set aside.
import fs from 'node:fs';
import path from 'node:path';
import { SwitchboardError } from '../common/errors';
import { verifiedCopy, verifyDatabaseFile } from './backup';
import { backupsDir, beforeRestoreName } from './backup-files';
import { connect, type Db } from './connection';
import { busyError } from './busy';

/**
 * Folds the file's -wal into it and takes its lock, to prove no other connection has it open.
 * Other errors are let pass: they come from a damaged file, which is about to be set aside anyway
 * (with its -wal, which SQLite could then not fold in).
 */
function settle(dbFile: string): void {
  const guard = connect(dbFile);
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (!busyError(error)) return;
      throw new SwitchboardError('conflict', 'restore', `another Switchboard (a console, the window or a switchboard command) has ${dbFile} open; close it and try again`);
    }
  };
  try {
    guard.pragma('busy_timeout = 1000');
    attempt(() => guard.pragma('wal_checkpoint(TRUNCATE)'));
    attempt(() => {
      guard.pragma('locking_mode = EXCLUSIVE');
      guard.exec('BEGIN EXCLUSIVE');
      guard.exec('COMMIT');
    });
  } finally {
    guard.close();
  }
}

/** Moves `file` (and its -wal) to `aside`, keeping `file` present until the replacement lands. */
function keepAside(dbFile: string, aside: string): void {
  fs.mkdirSync(path.dirname(aside), { recursive: true });
  try {
    fs.linkSync(dbFile, aside);
  } catch {
    fs.copyFileSync(dbFile, aside, fs.constants.COPYFILE_EXCL);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (!fs.existsSync(dbFile + suffix)) continue;
    // Only a -wal SQLite could not fold in is left; it belongs with the file set aside, never with the restored one.
    if (suffix === '-wal') fs.renameSync(dbFile + suffix, aside + suffix);
    else fs.rmSync(dbFile + suffix, { force: true });
  }
}

/**
 * Replaces the database at `dbFile` with the backup `source` (refused unless it is a whole
 * Switchboard database this app can open). Returns where the replaced file was kept, or null when
 * there was none. The restored file is migrated to the current schema when it is next opened.
 */
export async function replaceWithBackup(dbFile: string, source: string, at: number): Promise<string | null> {
  verifyDatabaseFile(source, 'restore');
  let reader: Db;
  try {
    reader = connect(source, { readonly: true });
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'restore', `cannot read ${source}: ${(error as Error).message}`);
  }
  let copy: string;
  try {
    copy = await verifiedCopy(reader, dbFile, 'restore', source);
  } finally {
    reader.close();
  }
  try {
    let aside: string | null = null;
    if (fs.existsSync(dbFile)) {
      settle(dbFile);
      aside = path.join(backupsDir(dbFile), beforeRestoreName(dbFile, at));
      keepAside(dbFile, aside);
    }
    fs.renameSync(copy, dbFile);
    return aside;
  } catch (error) {
    fs.rmSync(copy, { force: true });
    throw error;
  }
}
