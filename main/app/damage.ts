// What a moderator reads about a damaged database: where it is, that it was left as it was, and
// the backup that brings it back (with the exact command, for the CLI).
import type { DatabaseDamage } from '../../common/types';
import { SwitchboardError } from '../../common/errors';

function when(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Quotes a path for a POSIX shell when it needs it, so the printed command can be pasted. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The CLI's refusal to work on a damaged database. */
export function damagedDatabaseError(dbPath: string, damage: DatabaseDamage): SwitchboardError {
  const found = `${dbPath} is damaged (SQLite's check found: ${damage.finding}); Switchboard left it as it is`;
  const backup = damage.newestBackup;
  if (!backup) return new SwitchboardError('unavailable', 'database', `${found}. It has no backup in the backups folder beside it; copy the file somewhere safe before trying repair tools`);
  return new SwitchboardError(
    'unavailable',
    'database',
    `${found}. Restore its newest backup, from ${when(backup.takenAt)}, with: switchboard restore ${shellWord(backup.file)} --db ${shellWord(dbPath)}`,
  );
}

function restoreAdvice(damage: DatabaseDamage | null): string {
  if (!damage) return 'restore a backup in Settings (or with switchboard restore)';
  return damage.newestBackup ? `restore the backup from ${when(damage.newestBackup.takenAt)} in Settings` : 'it has no backup to restore';
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * SQLite's own words for a damaged file, said for a moderator instead: a write refused because the
 * damaged database was opened read-only, or a read that reached a damaged page (also when the
 * damage appeared after the check at open). Null for any other error.
 */
export function storageFaultError(dbPath: string, damage: DatabaseDamage | null, error: unknown): SwitchboardError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (damage && code === 'SQLITE_READONLY') {
    return new SwitchboardError('unavailable', 'database', `${dbPath} is damaged, so Switchboard opened it read-only and this change was not saved; ${restoreAdvice(damage)}`);
  }
  if (typeof code === 'string' && DAMAGE_CODES.has(code)) {
    return new SwitchboardError('unavailable', 'database', `part of ${dbPath} is damaged and could not be read (SQLite: ${(error as Error).message}); ${restoreAdvice(damage)}`);
  }
  return null;
}
