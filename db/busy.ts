// A database still busy after busy_timeout: another Switchboard (the console, the window or the
// `switchboard` command) holds the write lock. Said in words a moderator can act on.
import { SwitchboardError } from '../common/errors';

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);

export function busyError(error: unknown): SwitchboardError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code !== 'string' || !BUSY_CODES.has(code)) return null;
  return new SwitchboardError(
    'unavailable',
    'database',
    'another Switchboard (a console, the window or the switchboard command) is writing to this database and did not finish in time; nothing was changed, so try again in a moment',
  );
}
