// Helpers for the suggestion storage tests: a service on a real SQLite file, and waiting for the
// background work (learning, then scoring the Inbox again) the way a console runs it.
import path from 'node:path';
import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/connection';
import { createService, type Service } from '../../main/app/service';
import { inProcessRunner } from '../../main/features/feeds/in-process-runner';
import { startSuggestionWork } from '../../main/features/suggestions/background';
import { tempDir } from './temp';

export const NOW = Date.UTC(2026, 10, 26, 12);

/** A service on a fresh database file, its clock stopped. */
export function fileService(): Service {
  const file = path.join(tempDir(), 'switchboard.db');
  return createService({ db: openDatabase(file), dbPath: file, version: '0.0.0-test', now: () => NOW, runner: inProcessRunner() });
}

/**
 * Runs the console's background work until it has nothing left to do: resolves when the queue of
 * decisions is learned and the Inbox is scored with the newest model (the work stops by itself).
 */
export async function settled(service: Service): Promise<void> {
  const stop = startSuggestionWork(service.context, (line) => {
    throw new Error(line);
  });
  try {
    while (!idle(service.context.db)) await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    stop();
  }
}

function idle(db: Db): boolean {
  const queued = db.prepare('SELECT COUNT(*) AS n FROM learn_queue').get() as { n: number };
  const model = db.prepare('SELECT version, rescored_version FROM suggestion_model').get() as { version: number; rescored_version: number };
  return queued.n === 0 && model.rescored_version >= model.version;
}

/** Everything learned, as stored: what an undo must give back exactly. */
export function learnedTables(db: Db): unknown {
  return {
    features: db.prepare('SELECT feature, route, count FROM learned_features ORDER BY feature, route').all(),
    totals: db.prepare('SELECT route, decisions FROM learned_totals ORDER BY route').all(),
    items: db.prepare('SELECT item_id, route, features FROM learned_items ORDER BY item_id').all(),
  };
}
