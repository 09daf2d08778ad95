// What a moderator reads about a damaged database: where it is, that it was left as it was, and
// the backup that brings it back, in Settings or with the exact command to paste.
import type { BackupInfo, DatabaseDamage } from '../../common/types';
import { SwitchboardError } from '../../common/errors';
import { newestBackup } from '../../db/open';

function when(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Quotes a path for a POSIX shell when it needs it, so the printed command can be pasted. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The way back: the newest backup, in Settings or with the command that restores it. */
function restoreAdvice(dbPath: string, backup: BackupInfo | null): string {
  if (!backup) return 'It has no backup in the backups folder beside it; copy the file somewhere safe before trying repair tools';
  return `Restore its newest backup, from ${when(backup.takenAt)}, in Settings or with: switchboard restore ${shellWord(backup.file)} --db ${shellWord(dbPath)}`;
}

/** The CLI's refusal to work on a database whose header or schema cannot be read. */
export function damagedDatabaseError(dbPath: string, damage: DatabaseDamage): SwitchboardError {
  return new SwitchboardError('unavailable', 'database', `${dbPath} is damaged (SQLite's check found: ${damage.finding}); Switchboard left it as it is. ${restoreAdvice(dbPath, damage.newestBackup)}`);
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * SQLite's own words for a damaged file, said for a moderator instead: a write refused because the
 * damaged database was opened read-only, or a statement that reached a damaged page (damage the
 * look at open cannot see, found before or without the full check). Null for any other error.
 */
export function storageFaultError(dbPath: string, damage: DatabaseDamage | null, error: unknown): SwitchboardError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (damage && code === 'SQLITE_READONLY') {
    return new SwitchboardError('unavailable', 'database', `${dbPath} is damaged, so Switchboard opened it read-only and this change was not saved. ${restoreAdvice(dbPath, damage.newestBackup)}`);
  }
  if (typeof code === 'string' && DAMAGE_CODES.has(code)) {
    const backup = damage ? damage.newestBackup : dbPath === ':memory:' ? null : newestBackup(dbPath);
    return new SwitchboardError('unavailable', 'database', `part of ${dbPath} is damaged and could not be read (SQLite: ${(error as Error).message}). ${restoreAdvice(dbPath, backup)}`);
  }
  return null;
}
