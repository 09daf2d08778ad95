// A console runs its long reads (searches, the CLI's `items` through the bridge) in a worker
// thread (main/core/reads.ts), so the routing key pressed while another window searches is
// answered without waiting for that search. The worker is the real bundled one, on the same file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { verifiedCopyOfFile } from '../../../db/open';
import { createService, type Service } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { ensureBuilt } from '../../support/built-cli';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

const READ_WORKER = path.resolve(__dirname, '../../../out/main/read-worker.js');
const NOW = Date.UTC(2026, 10, 28, 12);

let service: Service | null = null;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  await service?.close();
  service = null;
});

/** A console's service (reads off its thread) on a new file: one feed, `texts` as its comments, all in the Inbox. */
function consoleService(texts: string[], readsOffThread = true): { service: Service; file: string; ids: number[] } {
  const file = path.join(tempDir(), 'switchboard.db');
  const db = openDatabase(file);
  const feedId = addFeed(db);
  const ids = texts.map((text) => addItem(db, { feedId, text }));
  // Backups are copied in this thread (the app copies them in its check worker, from the bundle).
  service = createService({ db, dbPath: file, version: 'test', now: () => NOW, runner: inProcessRunner(), log: () => {}, readsOffThread, readWorker: READ_WORKER, copier: verifiedCopyOfFile });
  return { service, file, ids };
}

/** Starts a search and then a routing key, and says which answered first. */
async function answeredFirst(target: Service, routed: number): Promise<string[]> {
  const order: string[] = [];
  const search = target.client['items-list']({ view: 'all', search: 'refund', sort: 'relevance' }).then(() => order.push('search'));
  const route = target.client['items-route']({ ids: [routed], route: 'service' }).then(() => order.push('route'));
  await Promise.all([search, route]);
  return order;
}

describe('reads off the thread that answers keys', () => {
  it('answers a routing key pressed during a search before that search', async () => {
    const texts = Array.from({ length: 200 }, (_, n) => `Comment ${n}: where is my refund?`);
    const { service: app, ids } = consoleService(texts);
    expect(await answeredFirst(app, ids[0]!)).toEqual(['route', 'search']);
    // In-process (the CLI), the search holds the thread until it is done: the case the thread is for.
    await app.close();
    const { service: cli, ids: cliIds } = consoleService(texts, false);
    expect(await answeredFirst(cli, cliIds[0]!)).toEqual(['search', 'route']);
  });

  it('finds what was written a moment before, with the same rows, order and count as in-process', async () => {
    const { service: app, ids } = consoleService(['My refund never came', 'Great post', 'Refund please, order 1142', 'Thanks for the refund']);
    await app.client['items-route']({ ids: [ids[2]!], route: 'service' });
    const page = await app.client['items-list']({ view: 'service', search: 'refund' });
    expect(page.items.map((item) => item.id)).toEqual([ids[2]]);
    const all = await app.client['items-list']({ view: 'all', search: 'refund' });
    expect(all.items.map((item) => item.id)).toEqual([ids[3], ids[2], ids[0]]);
    expect(all.matching).toBe(3);
    expect((await app.client['items-query']({ search: 'refund', route: 'service' })).map((item) => item.contentText)).toEqual(['Refund please, order 1142']);
  });

  it('answers every off-thread read (search, the CLI\'s items, select all matching, the dashboard, the members) as in-process reading does', async () => {
    const { service: app, file, ids } = consoleService(['My refund never came', 'Great post', 'Refund please, order 1142', 'Thanks for the refund']);
    await app.client['items-route']({ ids: [ids[0]!, ids[2]!], route: 'service' });
    await app.client['spotlight-act']({ id: ids[1]!, action: 'feature' });
    const asked = async (target: Service) => ({
      search: await target.client['items-list']({ view: 'all', search: 'refund', sort: 'relevance' }),
      items: await target.client['items-query']({ search: 'refund' }),
      matching: await target.client['items-matching-ids']({ view: 'all', search: 'refund' }),
      stats: await target.client.stats({ from: '2026-10-01', to: '2026-11-28' }),
      members: await target.client['members-list']({}),
    });
    const offThread = await asked(app);
    const inProcess = createService({ db: openDatabase(file), dbPath: file, version: 'test', now: () => NOW, runner: inProcessRunner(), log: () => {} });
    try {
      expect(offThread).toEqual(await asked(inProcess));
    } finally {
      await inProcess.close();
    }
    expect(offThread.search.items).toHaveLength(3);
    expect(offThread.members.map((member) => member.name)).toEqual(['Dana']);
  });

  it('copies what the console stores into the database file itself while it runs, its own thread never waiting for the disk', async () => {
    const { service: app, file } = consoleService(['The first comment']);
    for (let n = 0; n < 50; n += 1) addItem(app.context.db, { feedId: 1, text: `Comment ${n} stored by a fetch` });
    // The file alone, without its write-ahead log: what has been checkpointed into it.
    const inFile = () => {
      const copy = path.join(tempDir(), 'file-alone.db');
      fs.copyFileSync(file, copy);
      const db = openDatabase(copy);
      try {
        return db.prepare('SELECT count(*) FROM items').pluck().get();
      } finally {
        db.close();
      }
    };
    await expect.poll(inFile, { timeout: 5_000, interval: 250 }).toBe(51);
  });

  it('reads the restored file after a backup is restored under the running console', async () => {
    const { service: app, file } = consoleService(['The zeppelin landed']);
    const search = async () => (await app.client['items-list']({ view: 'all', search: 'zeppelin' })).items.map((item) => item.excerpt);
    expect(await search()).toEqual(['The zeppelin landed']);
    const backup = await app.client['backup-create']();
    addItem(app.context.db, { feedId: 1, text: 'A second zeppelin' });
    expect(await search()).toEqual(['A second zeppelin', 'The zeppelin landed']);
    await app.client['backup-restore']({ name: backup.name });
    expect(app.context.dbPath).toBe(file);
    expect(await search()).toEqual(['The zeppelin landed']);
  });
});
