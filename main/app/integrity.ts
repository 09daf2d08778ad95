// The full check of the database, once the console is up: PRAGMA quick_check in a worker thread
// (main/workers/check-worker.ts), so a large file does not hold up the console's start. A file
// that fails it is switched to read-only at once, and every console shows the damage banner.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { newestBackup } from '../../db/backup-files';
import { openReadOnly } from '../../db/open';
import type { ServiceContext } from './context';

/** Runs the full check of `file` and resolves to SQLite's verdict ('ok' or its findings). */
export type Checker = (file: string) => Promise<string>;

export function workerChecker(workerPath = path.join(__dirname, 'check-worker.js')): Checker {
  return (file) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerPath, { workerData: { file } });
      worker.once('message', (verdict: string) => resolve(verdict));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the integrity check stopped (exit code ${code}) before it gave a verdict`)));
    });
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
