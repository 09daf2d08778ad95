// The running console's backups are copied and checked in the check worker (the built bundle's),
// not on the thread that answers the console: the copy's last step syncs the whole file and
// integrity_check reads every page, and on that thread they froze every call for about 15 s at a
// million comments (npm run bench:console).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupsDir, listBackups } from '../../../db/backup-files';
import { verifyDatabaseFile } from '../../../db/backup';
import { checkFile, verifiedCopyOfFile } from '../../../db/open';
import { openService } from '../../../main/app/open-service';
import { workerCopier } from '../../../main/app/integrity';
import { ensureBuilt } from '../../support/built-cli';
import { databaseWithComments } from '../../support/damage';
import { damagePages } from '../../support/damage-pages';
import { tempDir } from '../../support/temp';

const CHECK_WORKER = path.resolve(__dirname, '../../../out/main/check-worker.js');

beforeAll(() => ensureBuilt());
afterEach(() => vi.restoreAllMocks());

describe("the console's backups", () => {
  it("are copied and checked off the console's thread, and named as before", async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 300);
    const pragmas = vi.spyOn(Database.prototype, 'pragma');
    const copies = vi.spyOn(Database.prototype, 'backup');
    const service = await openService(file, { log: () => {}, checker: async (checked) => checkFile(checked), copier: workerCopier(CHECK_WORKER) });
    const stop = service.startScheduler(3_600_000);
    try {
      await expect.poll(() => listBackups(file).length).toBe(1);
      const manual = await service.client['backup-create']();
      expect(copies).not.toHaveBeenCalled();
      expect(pragmas.mock.calls.filter(([source]) => /integrity_check/.test(String(source)))).toEqual([]);
      expect(listBackups(file).map((backup) => backup.kind).sort()).toEqual(['daily', 'manual']);
      expect(verifyDatabaseFile(manual.file, 'test')).toBeGreaterThan(0);
      expect((await service.client['items-list']({ view: 'all', limit: 500 })).items).toHaveLength(300);
    } finally {
      stop();
      await service.close();
    }
  });

  it('refuse a damaged database in the worker with the words the check on this thread uses, and keep nothing', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 300);
    damagePages(file);
    const target = path.join(backupsDir(file), 'copy.sqlite');
    const here = await verifiedCopyOfFile(file, target).catch((error: Error) => error);
    expect(here).toBeInstanceOf(Error);
    expect((here as Error).message).toMatch(/^backup: a fresh copy of the database \(not kept\) is damaged: SQLite's integrity check found/);
    await expect(workerCopier(CHECK_WORKER)(file, target)).rejects.toMatchObject({ code: 'invalid-input', message: (here as Error).message });
    expect(fs.readdirSync(backupsDir(file))).toEqual([]);
  });
});
