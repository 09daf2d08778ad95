// Backups with SQLite's online backup API (better-sqlite3's db.backup): a consistent copy taken
// while the console keeps working. Each copy goes to a temporary file beside its target, is
// opened and checked, and only then given its name, so a backup that exists is a good one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SwitchboardError } from '../common/errors';
import type { Db } from './connection';
import { backupName, backupsDir, KEEP_AUTOMATIC, listBackups, pruneAutomatic, type BackupFile, type BackupKind } from './backup-files';
import { latestVersion, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { nativeBindingForThisProcess } from './native';

export { KEEP_AUTOMATIC };

/**
 * Checks that `file` is a whole Switchboard database this app can open: SQLite, passes
 * integrity_check, has the migrations table, and a schema no newer than this app's. Returns its
 * schema version; otherwise throws a SwitchboardError (stage `stage`) saying what is wrong with it,
 * naming it as `called` (its path by default).
 */
export function verifyDatabaseFile(file: string, stage: string, called = file): number {
  const refuse = (why: string) => new SwitchboardError('invalid-input', stage, `${called} ${why}`);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingForThisProcess() });
  } catch (error) {
    throw refuse(`cannot be opened: ${(error as Error).message}`);
  }
  try {
    let integrity: string;
    try {
      integrity = db.pragma('integrity_check', { simple: true }) as string;
    } catch (error) {
      throw refuse(`is not an SQLite database (${(error as Error).message})`);
    }
    if (integrity !== 'ok') throw refuse(`is damaged: SQLite's integrity check found "${integrity}"`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    const version = schemaVersion(db);
    if (!hasMigrations || version < 1) throw refuse('is an SQLite database but not a Switchboard one (it has no schema_migrations table)');
    const known = latestVersion(migrations);
    if (version > known) throw refuse(`was written by a newer Switchboard (schema version ${version}; this one knows up to ${known}); update Switchboard first`);
    return version;
  } finally {
    db.close();
  }
}

/**
 * Makes the verified copy of the database file `file` beside `target` and returns the temporary
 * file, as verifiedCopyOfFile (db/open.ts) does. Copying and checking a large database takes seconds and ends
 * in a sync of the whole copy, so the running console does it in a worker thread
 * (main/app/integrity.ts); on the thread that answers calls it froze them for 15 s at 1M comments.
 */
export type DatabaseCopier = (file: string, target: string) => Promise<string>;

/** A file name no one else will pick, beside `target`, for writing before the rename. */
export function temporaryBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Copies `db` into a temporary file beside `target` and verifies it; the caller names it. The copy
 * is switched to a rollback journal: a backup is one self-contained file, and opening it to check
 * or restore it leaves no -wal or -shm file beside it.
 */
export async function verifiedCopy(db: Db, target: string, stage = 'backup', source = 'the database', pagesPerStep = 100): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryBeside(target);
  try {
    await db.backup(temporary, { progress: () => pagesPerStep });
    const copy = new Database(temporary, { fileMustExist: true, nativeBinding: nativeBindingForThisProcess() });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    // The copy is a fresh file: when it fails, what it was copied from is damaged, so that is named.
    verifyDatabaseFile(temporary, stage, `a fresh copy of ${source} (not kept)`);
    return temporary;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Gives `temporary` the first free name of `nameFor(0)`, `nameFor(1)`, ... without ever replacing a file. */
function claimName(temporary: string, nameFor: (attempt: number) => string): string {
  for (let attempt = 0; ; attempt += 1) {
    const file = path.join(path.dirname(temporary), nameFor(attempt));
    try {
      // A hard link fails when the name is taken, where a rename would silently replace it.
      fs.linkSync(temporary, file);
      fs.rmSync(temporary);
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        fs.rmSync(temporary, { force: true });
        throw error;
      }
    }
  }
}

/**
 * Backs `db` (open on `dbFile`) up into the backups folder beside it. Automatic kinds prune the
 * oldest automatic backups beyond the last KEEP_AUTOMATIC; manual ones are kept until deleted.
 *
 * `copier` makes the copy from the file rather than through `db` (the console's, in a worker thread).
 */
export async function backUp(db: Db, dbFile: string, kind: Exclude<BackupKind, 'before-restore'>, at: number, copier?: DatabaseCopier): Promise<BackupFile> {
  const target = path.join(backupsDir(dbFile), backupName(dbFile, kind, at));
  const file = claimName(await (copier ? copier(dbFile, target) : verifiedCopy(db, target)), (attempt) => backupName(dbFile, kind, at, attempt));
  if (kind !== 'manual') pruneAutomatic(dbFile, file);
  const written = listBackups(dbFile).find((backup) => backup.file === file);
  if (!written) throw new SwitchboardError('internal', 'backup', `the backup ${file} vanished right after it was written`);
  return written;
}

/** Backs `db` up to a file of the user's choosing, replacing it only once the copy is verified. */
export async function backUpTo(db: Db, target: string): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(target);
  const temporary = await verifiedCopy(db, file);
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return { file, bytes: fs.statSync(file).size };
}
