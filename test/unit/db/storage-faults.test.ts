// Storage faults on a real database file: a full disk (SQLite's max_page_count caps the file at its
// size, as a full disk would), a file opened read-only, a damaged page, a path SQLite cannot open.
// Each reaches the moderator as a plain error that says what is wrong and what to do, never
// "internal"; reads keep working where nothing needs to be written.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/connection';
import { nativeBindingForThisProcess } from '../../../db/native';
import { storageFault } from '../../../db/storage-faults';
import { createService, type Service } from '../../../main/app/service';
import { openService } from '../../../main/app/open-service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

const NOW = Date.UTC(2026, 10, 26, 12);

function serviceOn(db: Db, dbPath: string): Service {
  return createService({ db, dbPath, version: '0.0.0-test', now: () => NOW, runner: inProcessRunner() });
}

/** A database file with a few comments, closed (everything checkpointed into the file). */
function seededFile(comments = 3): { file: string; ids: number[] } {
  const file = path.join(tempDir(), 'switchboard.db');
  const db = openDatabase(file);
  const feedId = addFeed(db);
  const ids = Array.from({ length: comments }, (_, index) => addItem(db, { feedId, text: `Comment number ${index} about the refund`, route: 'service', status: 'routed' }));
  db.close();
  return { file, ids };
}

/** The disk is full from now on: no free page left in the file (VACUUM), and the file may not grow. Returns its size in pages. */
function fillDisk(db: Db): number {
  db.exec('VACUUM');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  return pages;
}

function openRaw(file: string, options: { readonly?: boolean } = {}): Db {
  return new Database(file, { nativeBinding: nativeBindingForThisProcess(), ...options });
}

describe('a full disk', () => {
  it('refuses a draft save with the plain full-disk error, keeps serving reads, and saves once there is room', async () => {
    const { file, ids } = seededFile();
    const db = openDatabase(file);
    const service = serviceOn(db, file);
    const itemId = ids[0] as number;
    const pages = fillDisk(db);
    const reply = 'Thanks for waiting. '.repeat(600);

    const refused = await service.client['draft-save']({ itemId, body: reply, templates: [] }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'unavailable',
      stage: 'database',
      message: `database: the disk holding ${file} is full, so nothing was saved. Free some space; in the console your draft is kept on screen and will be saved when there is room`,
    });
    expect((await service.client['items-list']({ view: 'all' })).items).toHaveLength(3);

    db.pragma(`max_page_count = ${pages * 2}`);
    expect((await service.client['draft-save']({ itemId, body: reply, templates: [] })).body).toBe(reply);
    await service.close();
  });
});

describe('a fetch into a full database', () => {
  // A feed of 30 long comments: more than the free room in any page the file already has.
  const entries = Array.from({ length: 30 }, (_, n) => `<item><title>Comment ${n}</title><link>https://blog.example/post#c${n}</link><guid>c${n}</guid>
    <dc:creator>Reader ${n}</dc:creator><pubDate>Wed, 25 Nov 2026 10:${String(n).padStart(2, '0')}:00 GMT</pubDate>
    <description>${'The checkout page times out after the update. '.repeat(25)}</description></item>`);
  const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on the post</title><link>https://blog.example/post</link>${entries.join('')}</channel></rss>`;
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((_, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/comments/feed/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("says in the feed's result that the disk is full, and stores nothing of the feed", async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    const db = openDatabase(file);
    const feedId = addFeed(db, 'Acme blog comments', url);
    fillDisk(db);
    const service = serviceOn(db, file);

    const [result] = await service.client['feeds-fetch']({ feedIds: [feedId] });
    expect(result?.error).toEqual({
      category: 'storage',
      message: `storing this feed's comments failed (database: the disk holding ${file} is full, so nothing was saved. Free some space; in the console your draft is kept on screen and will be saved when there is room); they will be fetched again`,
    });
    expect((await service.client['items-list']({ view: 'all' })).items).toEqual([]);
    await service.close();
  });
});

describe('a read-only database', () => {
  it('lists the queue, even with a snooze that came due, and says why a change is refused', async () => {
    const { file, ids } = seededFile();
    const writer = openRaw(file);
    // Waking a due snooze is a write every read used to make first.
    writer.prepare("UPDATE items SET status = 'snoozed', snoozed_until = ? WHERE id = ?").run(NOW - 1000, ids[1]);
    writer.close();
    const service = serviceOn(openRaw(file, { readonly: true }), file);

    expect((await service.client['items-list']({ view: 'all' })).items.map((item) => item.id).sort()).toEqual([...ids].sort());
    // The console shows this before the moderator starts typing.
    expect((await service.client['app-info']()).readOnly).toBe(
      `database: ${file} is read-only: reading works, changes can't be saved. Check the permissions of the file and its folder, or open a writable copy with --db PATH`,
    );
    const refused = await service.client['items-route']({ ids: [ids[0] as number], route: 'spotlight' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'unavailable',
      message: `database: ${file} is read-only: reading works, changes can't be saved. Check the permissions of the file and its folder, or open a writable copy with --db PATH`,
    });
    await service.close();
  });
});

describe('a damaged database', () => {
  it('names the file and the way back when a call reads a garbage page', async () => {
    const { file } = seededFile(300);
    const probe = openRaw(file, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const root = (probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'items'").get() as { rootpage: number }).rootpage;
    probe.close();
    // Garbage over the items table's root page, as a failing disk or a stray write leaves it.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const service = serviceOn(openRaw(file), file);

    const refused = await service.client['items-list']({ view: 'all' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining(`database: part of ${file} is damaged and could not be read (SQLite: `),
    });
    await service.close();
  });
});

describe('a file SQLite cannot open', () => {
  it('says to check the folder and permissions', async () => {
    const folder = tempDir();
    await expect(openService(folder, { log: () => {} })).rejects.toThrow(
      `database: ${folder} cannot be opened: check that its folder exists and that you may read it (and write it, to make changes)`,
    );
  });
});

describe('a disk error', () => {
  it('is told apart from a bug, with its SQLite code for whoever checks the disk', () => {
    const error = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    expect(storageFault(error, '/data/switchboard.db')?.message).toBe(
      'database: the disk failed while reading or writing /data/switchboard.db (SQLITE_IOERR_WRITE), so the change was not saved. Check that the disk is still connected and healthy, then try again',
    );
    expect(storageFault(new Error('no such table: x'), '/data/switchboard.db')).toBeNull();
  });
});
