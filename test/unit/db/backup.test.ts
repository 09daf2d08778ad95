// Backups are real copies of a real database file, checked before they get their name, and the
// automatic ones are pruned to the last seven without touching anything else in the folder.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { backUp, backUpTo, verifyDatabaseFile } from '../../../db/backup';
import { backupsDir, listBackups } from '../../../db/backup-files';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { databaseWithComments } from '../../support/damage';
import { damagePages } from '../../support/damage-pages';
import { tempDir } from '../../support/temp';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

function commentsIn(file: string): number {
  const db = new Database(file, { readonly: true, nativeBinding: nativeBindingForThisProcess() });
  try {
    return db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a backup', () => {
  it('is a whole copy in backups/ beside the database, named for its time and kind, with nothing else left behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'switchboard.db');
    databaseWithComments(file, 50);
    const db = openDatabase(file);

    const daily = await backUp(db, file, 'daily', T0);
    const manual = await backUp(db, file, 'manual', T0 + HOUR);
    db.close();

    expect(daily).toMatchObject({ name: 'switchboard-2026-11-28T09-00-00.sqlite', kind: 'daily', automatic: true, takenAt: T0 });
    expect(manual).toMatchObject({ name: 'switchboard-2026-11-28T10-00-00-manual.sqlite', kind: 'manual', automatic: false });
    expect(daily.file).toBe(path.join(dir, 'backups', daily.name));
    expect(daily.bytes).toBe(fs.statSync(daily.file).size);
    expect(fs.readdirSync(backupsDir(file)).sort()).toEqual([daily.name, manual.name]);
    expect(commentsIn(daily.file)).toBe(50);
    expect(verifyDatabaseFile(daily.file, 'test')).toBe(migrations.at(-1)!.version);
  });

  it('of a damaged database is not kept, and says why', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 300);
    damagePages(file);
    const db = openDatabase(file);
    await expect(backUp(db, file, 'daily', T0)).rejects.toThrow(/^backup: a fresh copy of the database \(not kept\) is damaged: SQLite's integrity check found/);
    db.close();
    expect(fs.readdirSync(backupsDir(file))).toEqual([]);
  });

  it('taken twice in one second keeps both', async () => {
    const file = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(file, 5);
    const db = openDatabase(file);
    const first = await backUp(db, file, 'manual', T0);
    const second = await backUp(db, file, 'manual', T0);
    db.close();
    expect(second.name).not.toBe(first.name);
    expect(listBackups(file).map((backup) => backup.name).sort()).toEqual([first.name, second.name].sort());
  });

  it('to a chosen file replaces it only with a verified copy', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'switchboard.db');
    databaseWithComments(file, 20);
    const out = path.join(dir, 'elsewhere', 'copy.sqlite');
    fs.mkdirSync(path.dirname(out));
    fs.writeFileSync(out, 'an older copy');
    const db = openDatabase(file);
    const written = await backUpTo(db, out);
    db.close();
    expect(written).toEqual({ file: out, bytes: fs.statSync(out).size });
    expect(commentsIn(out)).toBe(20);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['copy.sqlite']);
  });
});

describe('pruning', () => {
  it('keeps the last seven automatic backups, every manual one, the one just written and files it did not name', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'switchboard.db');
    databaseWithComments(file, 5);
    const db = openDatabase(file);
    const manual = await backUp(db, file, 'manual', T0);
    const automatic = [];
    for (let day = 1; day <= 9; day += 1) automatic.push(await backUp(db, file, day % 3 === 0 ? 'before-migration' : 'daily', T0 + day * 24 * HOUR));
    const strangers = ['notes.txt', 'switchboard-old.sqlite', 'other-2026-11-01T00-00-00.sqlite'];
    for (const name of strangers) fs.writeFileSync(path.join(backupsDir(file), name), 'not ours');
    // A clock set back: the new backup is older than all the others, and still kept.
    const backdated = await backUp(db, file, 'daily', T0 - 24 * HOUR);
    db.close();

    const left = fs.readdirSync(backupsDir(file)).sort();
    const expected = [manual.name, ...automatic.slice(-6).map((backup) => backup.name), backdated.name, ...strangers].sort();
    expect(left).toEqual(expected);
  });
});

describe('checking a file before it is trusted', () => {
  it.each([
    ['a text file', (file: string) => fs.writeFileSync(file, 'hello, this is not a database'.repeat(200)), /is not an SQLite database/],
    [
      'another SQLite database',
      (file: string) => {
        const other = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
        other.exec('CREATE TABLE recipes (name TEXT)');
        other.close();
      },
      /is an SQLite database but not a Switchboard one/,
    ],
    [
      'a newer Switchboard',
      (file: string) => {
        databaseWithComments(file, 1);
        const future = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
        future.pragma(`user_version = ${migrations.at(-1)!.version + 1}`);
        future.close();
      },
      /was written by a newer Switchboard/,
    ],
    [
      'a damaged Switchboard database',
      (file: string) => {
        databaseWithComments(file, 300);
        damagePages(file);
      },
      /is damaged: SQLite's integrity check found/,
    ],
  ])('refuses %s, naming the file', (_what, make, message) => {
    const file = path.join(tempDir(), 'candidate.sqlite');
    make(file);
    expect(() => verifyDatabaseFile(file, 'restore')).toThrow(message);
    expect(() => verifyDatabaseFile(file, 'restore')).toThrow(file);
  });
});
