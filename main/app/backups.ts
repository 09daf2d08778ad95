// The app's backups: the daily one while the console runs, one on request, and restoring one in
// place while the service holds the database (close, swap, reopen; every console then reloads).
import { backUp } from '../../db/backup';
import { listBackups, type BackupFile } from '../../db/backup-files';
import { openChecked } from '../../db/open';
import { replaceWithBackup } from '../../db/restore';
import { SwitchboardError } from '../../common/errors';
import type { FeatureHandlers } from '../core/context';
import type { ServiceContext } from './context';

export const DAY_MS = 24 * 3_600_000;
/** How often a running console asks whether a day has passed since the newest backup. */
export const BACKUP_CHECK_MS = 3_600_000;

function backupsOf(ctx: ServiceContext): BackupFile[] {
  return ctx.dbPath === ':memory:' ? [] : listBackups(ctx.dbPath);
}

function refuseWhileDamaged(ctx: ServiceContext): void {
  if (ctx.damage) throw new SwitchboardError('unavailable', 'backup', `${ctx.dbPath} is damaged, and a backup of it would be too; restore a backup instead`);
}

/**
 * The daily backup: taken when the newest copy of this database is a day old or more (or there is
 * none). Returns the backup taken, or null when none was due. A damaged database is not copied.
 */
export async function dailyBackupIfDue(ctx: ServiceContext): Promise<BackupFile | null> {
  if (ctx.damage || ctx.swapping || ctx.dbPath === ':memory:') return null;
  const newest = backupsOf(ctx).find((backup) => backup.kind !== 'before-restore');
  if (newest && ctx.now() - newest.takenAt < DAY_MS) return null;
  return backUp(ctx.db, ctx.dbPath, 'daily', ctx.now(), ctx.copyDatabase);
}

/** Checks at once, then every BACKUP_CHECK_MS, until the returned function is called. */
export function startBackupSchedule(ctx: ServiceContext, log: (line: string) => void, checkMs = BACKUP_CHECK_MS): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    dailyBackupIfDue(ctx)
      .catch((error: unknown) => log(`switchboard: daily backup: ${error instanceof Error ? error.message : String(error)}; trying again in an hour`))
      .finally(() => (running = false));
  };
  const timer = setInterval(check, checkMs);
  timer.unref();
  check();
  return () => clearInterval(timer);
}

/**
 * Replaces the open database with backup `name`. Calls made meanwhile wait (ctx.swapping); a
 * fetch under way is cancelled first, since it would write into the file being set aside.
 */
async function restoreInPlace(ctx: ServiceContext, name: string) {
  const backup = backupsOf(ctx).find((candidate) => candidate.name === name);
  if (!backup) throw new SwitchboardError('not-found', 'restore', `there is no backup named "${name}" beside ${ctx.dbPath}; the list in Settings shows them`);
  const swap = (async () => {
    ctx.feeds.activeFetch?.abort();
    await ctx.feeds.activeRun?.catch(() => undefined);
    // The read thread's connection too: the file is set aside only once nobody has it open.
    await ctx.reads.close();
    ctx.db.close();
    try {
      return await replaceWithBackup(ctx.dbPath, backup.file, ctx.now());
    } finally {
      // Reopened whether or not the swap happened: the console goes on with the file in place.
      const opened = await openChecked(ctx.dbPath, ctx.now);
      ctx.db = opened.db;
      ctx.damage = opened.damage;
    }
  })();
  ctx.swapping = swap;
  try {
    const keptAside = await swap;
    // Done before the event: what starts on it (the daily backup, fetching) must find the swap over.
    ctx.swapping = null;
    ctx.events.emit('database-restored', { restored: backup.name, keptAside });
    return { restored: backup.name, keptAside };
  } finally {
    ctx.swapping = null;
  }
}

export const backupHandlers = {
  'backups-list': (ctx) => backupsOf(ctx),
  'backup-create': (ctx) => {
    refuseWhileDamaged(ctx);
    if (ctx.dbPath === ':memory:') throw new SwitchboardError('invalid-input', 'backup', 'an in-memory database has no folder to back up into');
    return backUp(ctx.db, ctx.dbPath, 'manual', ctx.now(), ctx.copyDatabase);
  },
  'backup-restore': (ctx, input) => restoreInPlace(ctx, input.name),
} satisfies FeatureHandlers<ServiceContext>;
