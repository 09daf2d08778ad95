// Two processes on one database (the console and the CLI fetching, say) must not lose each other's
// writes: a write transaction that read first used to start deferred, and SQLite refuses its
// upgrade to a writer at once (SQLITE_BUSY) instead of waiting its turn. Here a second thread
// writes comment batches into the same file while this one saves drafts and routes comments.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/connection';
import { saveDraft } from '../../../db/tables/drafts';
import { routeItems } from '../../../main/features/queue/actions';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

/** A writer in another thread (its own connection): batches of 200 comments, one transaction each, until told to stop. */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { nativeBinding: workerData.binding });
// Set up as every Switchboard connection is (db/connection.ts configure): a writer whose statement
// journals spilled to disk would hold the lock twice as long as a real one.
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('temp_store = MEMORY');
const insert = db.prepare("INSERT INTO items (feed_id, guid, author, published_at, content_html, content_text, fetched_at, updated_at) VALUES (?, ?, 'Bot', ?, '', 'x', 0, 0)");
let stop = false, batches = 0, n = 0;
parentPort.on('message', () => { stop = true; });
const batch = db.transaction(() => { for (let i = 0; i < 200; i += 1) insert.run(workerData.feedId, 'w-' + (n += 1), n); });
(function loop() {
  if (stop) { db.close(); parentPort.postMessage(batches); return; }
  batch.immediate();
  batches += 1;
  setImmediate(loop);
})();
`;

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
});

describe('two writers on one database', () => {
  it('lose no draft save or routing while another connection writes batches', async () => {
    const file = path.join(tempDir(), 'shared.db');
    const db: Db = openDatabase(file);
    const feedId = addFeed(db);
    const ids = Array.from({ length: 50 }, () => addItem(db, { feedId }));
    const { nativeBindingForThisProcess } = await import('../../../db/native');
    worker = new Worker(WRITER, { eval: true, workerData: { file, feedId, driver: require.resolve('better-sqlite3'), binding: nativeBindingForThisProcess() } });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const failures: string[] = [];
    for (let round = 0; round < 200; round += 1) {
      const id = ids[round % ids.length] as number;
      try {
        saveDraft(db, { itemId: id, body: `Reply ${round}` }, round);
        routeItems(db, [id], round % 2 ? 'service' : 'spotlight', round);
      } catch (error) {
        failures.push((error as Error).message);
      }
      // Give the writer a moment between rounds, as a moderator's keystrokes would.
      if (round % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    worker.postMessage('stop');
    const batches = await new Promise<number>((resolve) => worker?.once('message', resolve));

    expect(batches).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    db.close();
  }, 60_000);
});

describe('a database another Switchboard keeps busy', () => {
  it('says so in plain words, and the change is not half made', async () => {
    const { createService } = await import('../../../main/app/service');
    const { inProcessRunner } = await import('../../../main/features/feeds/in-process-runner');
    const file = path.join(tempDir(), 'busy.db');
    const db = openDatabase(file);
    const feedId = addFeed(db);
    const id = addItem(db, { feedId });
    db.pragma('busy_timeout = 100');
    const service = createService({ db, dbPath: file, version: '0.0.0-test', runner: inProcessRunner(), log: () => {} });
    const other = openDatabase(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(service.client['items-route']({ ids: [id], route: 'service' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('another Switchboard (a console, the window or the switchboard command) is writing to this database'),
    });
    other.exec('ROLLBACK');
    other.close();
    expect(await service.client['item-get']({ id })).toMatchObject({ status: 'new', route: null });
    await service.close();
  });
});
