// The full check of the database, once the console is up: PRAGMA quick_check in a worker thread
// (main/workers/check-worker.ts), so a large file does not hold up the console's start. A file
// that fails it is switched to read-only at once, and every console shows the damage banner.
// The console's backups are copied and checked in the same worker, for the same reason.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { newestBackup } from '../../db/backup-files';
import type { DatabaseCopier } from '../../db/backup';
import { openReadOnly } from '../../db/open';
import { SwitchboardError } from '../../common/errors';
import type { CheckTask, CopyVerdict } from './check-task';
import type { ServiceContext } from './context';

/** Runs the full check of `file` and resolves to SQLite's verdict ('ok' or its findings). */
export type Checker = (file: string) => Promise<string>;

/** The built check worker, beside the bundle that starts it. */
const CHECK_WORKER = path.join(__dirname, 'check-worker.js');

/** Runs one task in a fresh check worker and resolves to its one answer. */
function inWorker<T>(workerPath: string, task: CheckTask): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: task });
    worker.once('message', (answer: T) => resolve(answer));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the integrity check stopped (exit code ${code}) before it gave a verdict`)));
  });
}

export function workerChecker(workerPath = CHECK_WORKER): Checker {
  return (file) => inWorker<string>(workerPath, { kind: 'check', file });
}

/** Makes backups' verified copies in the check worker, so the console keeps answering while a large database is copied, synced and checked. */
export function workerCopier(workerPath = CHECK_WORKER): DatabaseCopier {
  return async (file, target) => {
    const verdict = await inWorker<CopyVerdict>(workerPath, { kind: 'copy', file, target });
    if ('temporary' in verdict) return verdict.temporary;
    if ('refused' in verdict) throw new SwitchboardError(verdict.refused.code, verdict.refused.stage, verdict.refused.message);
    throw new Error(verdict.failed);
  };
}

/** Checks the open database in full; when it fails, the service goes on read-only and says so. */
export async function checkInBackground(ctx: ServiceContext, checker: Checker): Promise<void> {
  if (ctx.damage || ctx.dbPath === ':memory:') return;
  const finding = await checker(ctx.dbPath);
  if (finding === 'ok' || ctx.damage) return;
  if (ctx.swapping) await ctx.swapping.catch(() => undefined);
  // No fetch may write on into a file now known to be damaged.
  ctx.feeds.activeFetch?.abort();
  await ctx.feeds.activeRun?.catch(() => undefined);
  ctx.db.close();
  ctx.db = openReadOnly(ctx.dbPath);
  ctx.damage = { finding, newestBackup: newestBackup(ctx.dbPath) };
  ctx.events.emit('database-damaged', ctx.damage);
}
