// The running service's backups: the daily one on the service's own clock, a restore while the
// service holds the database, and a damaged database opened read-only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../db/backup-files';
import { openService } from '../../../main/app/open-service';
import { dailyBackupIfDue } from '../../../main/app/backups';
import { checkFile, verifiedCopyOfFile } from '../../../db/open';
import type { SwitchboardEvent } from '../../../common/events';
import { databaseWithComments } from '../../support/damage';
import { damagePages } from '../../support/damage-pages';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 28, 9);

/** The full check in this thread, and backups checked here too (the app runs both in a worker thread of the built bundle). */
const inProcessCheck = async (file: string) => checkFile(file);

function clock(start: number) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the daily backup', () => {
  it('is taken at start when there is none, then only once the newest is a day old', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 5);
    const time = clock(START);
    const service = await openService(file, { log: () => {}, now: time.now, checker: inProcessCheck, copier: verifiedCopyOfFile });
    try {
      const stop = service.startScheduler(3_600_000);
      await expect.poll(() => listBackups(file).length).toBe(1);
      stop();
      expect(listBackups(file)[0]).toMatchObject({ kind: 'daily', takenAt: START });

      time.advance(23 * HOUR);
      expect(await dailyBackupIfDue(service.context)).toBeNull();
      time.advance(HOUR);
      expect(await dailyBackupIfDue(service.context)).toMatchObject({ kind: 'daily', takenAt: START + 24 * HOUR });
      // A manual backup counts as today's copy too.
      time.advance(24 * HOUR);
      await service.client['backup-create']();
      expect(await dailyBackupIfDue(service.context)).toBeNull();
      expect((await service.client['backups-list']()).map((backup) => backup.kind)).toEqual(['manual', 'daily', 'daily']);
    } finally {
      await service.close();
    }
  });
});

describe('restoring from the running console', () => {
  it('swaps the file under the service, keeps the replaced data aside, and tells every console to reload', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 20);
    const time = clock(START);
    const service = await openService(file, { log: () => {}, now: time.now, copier: verifiedCopyOfFile });
    try {
      const backup = await service.client['backup-create']();
      const feedId = addFeed(service.context.db, 'Later feed');
      for (let n = 0; n < 3; n += 1) addItem(service.context.db, { feedId });
      const events: SwitchboardEvent[] = [];
      service.events.subscribe((event) => events.push(event));
      time.advance(HOUR);

      const [restored, listedDuring] = await Promise.all([service.client['backup-restore']({ name: backup.name }), service.client['items-list']({ view: 'all', limit: 100 })]);

      expect(restored).toEqual({ restored: backup.name, keptAside: path.join(path.dirname(file), 'backups', 'switchboard.db.before-restore-2026-11-28T10-00-00') });
      // A call made during the swap ran on the restored file.
      expect(listedDuring.items).toHaveLength(20);
      expect((await service.client['items-list']({ view: 'all', limit: 100 })).items).toHaveLength(20);
      expect(events).toContainEqual({ name: 'database-restored', payload: restored });
      expect(fs.statSync(restored.keptAside!).size).toBeGreaterThan(0);
      // Writes go on, into the restored file.
      await service.client['items-route']({ ids: [1], route: 'service' });
      expect((await service.client['item-get']({ id: 1 })).route).toBe('service');
      expect((await service.client['backups-list']()).map((listed) => listed.kind)).toEqual(['before-restore', 'manual']);
    } finally {
      await service.close();
    }
  });

  it('names a backup that is not there', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 1);
    const service = await openService(file, { log: () => {} });
    try {
      await expect(service.client['backup-restore']({ name: 'switchboard-2020-01-01T00-00-00.sqlite' })).rejects.toMatchObject({
        code: 'not-found',
        message: `restore: there is no backup named "switchboard-2020-01-01T00-00-00.sqlite" beside ${file}; the list in Settings shows them`,
      });
    } finally {
      await service.close();
    }
  });
});

describe('a damaged database in the console', () => {
  it('met by a read after the check at start passed is checked again, and the console goes read-only', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 300);
    const checks: string[] = [];
    // The check at start misses the damage (as when a disk fails after it): the first verdict is 'ok'.
    damagePages(file);
    const checker = async (checked: string) => {
      checks.push(checks.length === 0 ? 'ok' : checkFile(checked));
      return checks.at(-1)!;
    };
    const service = await openService(file, { log: () => {}, checker });
    const stop = service.startScheduler(3_600_000);
    try {
      await expect.poll(() => checks).toEqual(['ok']);
      await expect(service.client['items-list']({ view: 'all', limit: 500 })).rejects.toMatchObject({ code: 'unavailable' });
      await expect.poll(async () => (await service.client['app-info']()).damage).not.toBeNull();
      expect(service.context.db.readonly).toBe(true);
      expect(checks).toHaveLength(2);
    } finally {
      stop();
      await service.close();
    }
  });


  it('is found by the full check once the console is up: it goes read-only, says so to every console, takes no backup, and restoring the newest backup brings it back', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 300);
    const time = clock(START);
    const first = await openService(file, { log: () => {}, now: time.now, copier: verifiedCopyOfFile });
    const backup = await first.client['backup-create']();
    await first.close();
    damagePages(file);
    time.advance(2 * 24 * HOUR);

    const service = await openService(file, { log: () => {}, now: time.now, checker: inProcessCheck, copier: verifiedCopyOfFile });
    const events: SwitchboardEvent[] = [];
    service.events.subscribe((event) => events.push(event));
    const stop = service.startScheduler(3_600_000);
    try {
      await expect.poll(async () => (await service.client['app-info']()).damage).toMatchObject({ newestBackup: { name: backup.name, takenAt: START } });
      expect(events).toContainEqual({ name: 'database-damaged', payload: expect.objectContaining({ newestBackup: expect.objectContaining({ name: backup.name }) }) });
      expect(service.context.db.readonly).toBe(true);
      expect((await service.client['settings-get']()).overdueHours).toBe(24);
      // No daily backup of a damaged file, though the newest backup is two days old.
      expect((await service.client['backups-list']()).map((listed) => listed.name)).toEqual([backup.name]);

      const advice = `Restore its newest backup, from 2026-11-28 09:00 UTC, in Settings or with: switchboard restore ${backup.file} --db ${file}`;
      await expect(service.client['settings-update']({ moderatorName: 'Dana' })).rejects.toMatchObject({
        code: 'unavailable',
        message: `database: ${file} is damaged, so Switchboard opened it read-only and this change was not saved. ${advice}`,
      });
      // A read that reaches a damaged page says so, and what to do.
      await expect(service.client['items-list']({ view: 'all', limit: 500 })).rejects.toMatchObject({
        code: 'unavailable',
        message: `database: part of ${file} is damaged and could not be read (SQLite: database disk image is malformed). ${advice}`,
      });
      await expect(service.client['backup-create']()).rejects.toMatchObject({ code: 'unavailable' });

      await service.client['backup-restore']({ name: backup.name });
      expect((await service.client['app-info']()).damage).toBeNull();
      expect(service.context.db.readonly).toBe(false);
      expect((await service.client['settings-update']({ moderatorName: 'Dana' })).moderatorName).toBe('Dana');
      expect((await service.client['items-list']({ view: 'all', limit: 500 })).items).toHaveLength(300);
      // Restored, the daily backup (two days due) is taken again.
      await expect.poll(() => listBackups(file).filter((listed) => listed.kind === 'daily').length).toBe(1);
    } finally {
      stop();
      await service.close();
    }
  });
});
