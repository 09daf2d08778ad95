// The running console's backups check their copy in the check worker (the built bundle's), not on
// the thread that answers the console: integrity_check reads every page, and on that thread it
// froze every call for about 15 s at a million comments (npm run bench:console).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../../db/backup-files';
import { verifyDatabaseFile } from '../../../db/backup';
import { checkFile } from '../../../db/open';
import { openService } from '../../../main/app/open-service';
import { workerVerifier } from '../../../main/app/integrity';
import { ensureBuilt } from '../../support/built-cli';
import { databaseWithComments } from '../../support/damage';
import { tempDir } from '../../support/temp';

const CHECK_WORKER = path.resolve(__dirname, '../../../out/main/check-worker.js');

beforeAll(() => ensureBuilt());
afterEach(() => vi.restoreAllMocks());

describe("the console's backups", () => {
  it("are checked off the console's thread, and a good copy is named as before", async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 300);
    const pragmas = vi.spyOn(Database.prototype, 'pragma');
    const service = await openService(file, { log: () => {}, checker: async (checked) => checkFile(checked), verifier: workerVerifier(CHECK_WORKER) });
    const stop = service.startScheduler(3_600_000);
    try {
      await expect.poll(() => listBackups(file).length).toBe(1);
      const manual = await service.client['backup-create']();
      expect(pragmas.mock.calls.filter(([source]) => /integrity_check/.test(String(source)))).toEqual([]);
      expect(listBackups(file).map((backup) => backup.kind).sort()).toEqual(['daily', 'manual']);
      expect(verifyDatabaseFile(manual.file, 'test')).toBeGreaterThan(0);
    } finally {
      stop();
      await service.close();
    }
  });

  it('refuse a bad copy in the worker with the words the in-thread check uses', async () => {
    const junk = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just text '.repeat(200));
    const inThread = (() => {
      try {
        verifyDatabaseFile(junk, 'backup', 'a fresh copy of the database (not kept)');
      } catch (error) {
        return error as Error;
      }
    })();
    expect(inThread?.message).toMatch(/^backup: a fresh copy of the database \(not kept\) is not an SQLite database/);
    await expect(workerVerifier(CHECK_WORKER)(junk, 'backup', 'a fresh copy of the database (not kept)')).rejects.toMatchObject({ code: 'invalid-input', message: inThread!.message });
  });
});
