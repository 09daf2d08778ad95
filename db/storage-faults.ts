// What SQLite says when the storage under the database fails, said in words a moderator can act
// on: a full disk, a read-only file, a disk error, a damaged file, a file that cannot be opened.
// The one place these codes are read (a busy database is db/busy.ts's); every door shows the
// result as it is (CLI line, HTTP and IPC answers, the console's banner).
import { SwitchboardError } from '../common/errors';
import type { BackupInfo, DatabaseDamage } from '../common/types';
import { newestBackup } from './backup-files';
import { busyError } from './busy';
import type { Db } from './connection';
import { readOnlyReason } from './open-mode';

function readOnlyAdvice(file: string, folder: boolean): string {
  return `${file} is read-only${folder ? ' (its folder does not allow writing)' : ''}: reading works, changes can't be saved. Check the permissions of the file and its folder, or open a writable copy with --db PATH`;
}

/** SQLite's primary result code names each advice; extended codes (SQLITE_IOERR_WRITE, ...) share their primary's. */
const ADVICE: Record<string, (file: string, code: string) => string> = {
  SQLITE_FULL: (file) =>
    `the disk holding ${file} is full, so nothing was saved. Free some space; in the console your draft is kept on screen and will be saved when there is room`,
  SQLITE_READONLY: (file, code) => readOnlyAdvice(file, code === 'SQLITE_READONLY_DIRECTORY'),
  SQLITE_IOERR: (file, code) =>
    `the disk failed while reading or writing ${file} (${code}), so the change was not saved. Check that the disk is still connected and healthy, then try again`,
  SQLITE_CANTOPEN: (file) =>
    `${file} cannot be opened: check that its folder exists and that you may read it (and write it, to make changes)`,
};

function sqliteCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Whether SQLite refused because the file itself is damaged (not the disk, permissions or a lock). */
export function isDamage(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Which advice a code gets: its primary part (SQLITE_IOERR_WRITE → SQLITE_IOERR), except a -shm
 * file that cannot grow (a full disk, as SQLite reports it before any write), and a write refused
 * by a database opened read-only because the disk was full at open (db/open-mode.ts).
 */
function adviceKey(code: string, db: Db | undefined): string {
  if (code === 'SQLITE_IOERR_SHMSIZE') return 'SQLITE_FULL';
  const primary = code.split('_', 2).join('_');
  if (primary === 'SQLITE_READONLY' && db !== undefined && readOnlyReason(db) === 'disk-full') return 'SQLITE_FULL';
  return primary;
}

function when(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Quotes a path for a POSIX shell when it needs it, so the printed command can be pasted. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The way back from a damaged file: its newest backup, in Settings or with the command that restores it. */
function restoreAdvice(file: string, backup: BackupInfo | null): string {
  if (!backup) return 'It has no backup in the backups folder beside it; copy the file somewhere safe before trying repair tools';
  return `Restore its newest backup, from ${when(backup.takenAt)}, in Settings or with: switchboard restore ${shellWord(backup.file)} --db ${shellWord(file)}`;
}

/** The CLI's refusal to work on a database whose header or schema cannot be read. */
export function damagedDatabaseError(file: string, damage: DatabaseDamage): SwitchboardError {
  return new SwitchboardError('unavailable', 'database', `${file} is damaged (SQLite's check found: ${damage.finding}); Switchboard left it as it is. ${restoreAdvice(file, damage.newestBackup)}`);
}

/**
 * The plain error for a storage fault (or a busy database) on `file` (opened as `db`, when it
 * opened; `damage`: what the check found, when it found the file damaged and opened it
 * read-only), or null when `error` is not one, so the caller keeps its own handling.
 */
export function storageFault(error: unknown, file: string, db?: Db, damage?: DatabaseDamage | null): SwitchboardError | null {
  const busy = busyError(error);
  if (busy) return busy;
  if (damage && sqliteCode(error)?.startsWith('SQLITE_READONLY')) {
    return new SwitchboardError('unavailable', 'database', `${file} is damaged, so Switchboard opened it read-only and this change was not saved. ${restoreAdvice(file, damage.newestBackup)}`);
  }
  if (isDamage(error)) {
    // A statement reached a damaged page that the look at open could not see.
    const backup = damage ? damage.newestBackup : file === ':memory:' ? null : newestBackup(file);
    return new SwitchboardError('unavailable', 'database', `part of ${file} is damaged and could not be read (SQLite: ${(error as Error).message}). ${restoreAdvice(file, backup)}`);
  }
  const code = sqliteCode(error);
  const advice = code === undefined ? undefined : ADVICE[adviceKey(code, db)];
  if (code === undefined || advice === undefined) return null;
  return new SwitchboardError('unavailable', 'database', advice(file, code));
}

/** Why `db` (opened on `file`) is read-only, said as a change would be refused; null when it is writable. */
export function readOnlyNotice(file: string, db: Db): string | null {
  if (!db.readonly) return null;
  if (readOnlyReason(db) === 'disk-full') {
    return `database: the disk holding ${file} was full when Switchboard opened it, so it is open read-only: reading works, changes can't be saved. Free some space, then restart Switchboard`;
  }
  return `database: ${readOnlyAdvice(file, false)}`;
}
