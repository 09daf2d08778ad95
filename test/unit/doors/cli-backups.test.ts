// `switchboard backup`, `backups` and `restore`, and a damaged database met by a command: the real
// command in child processes, on real files in a temp folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { BIN, ensureBuilt, runCli } from '../../support/built-cli';
import { databaseWithComments } from '../../support/damage';
import { damageHeader, damagePages } from '../../support/damage-pages';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

const LATEST = migrations.at(-1)!.version;

beforeAll(ensureBuilt, 120_000);

function comments(file: string): number {
  const db = new Database(file, { readonly: true, nativeBinding: nativeBindingForThisProcess() });
  try {
    return db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;
  } finally {
    db.close();
  }
}

function addComments(file: string, count: number): void {
  const db = openDatabase(file);
  const feedId = addFeed(db, `More comments ${Math.random()}`);
  for (let n = 0; n < count; n += 1) addItem(db, { feedId });
  db.close();
}

describe('switchboard backup and backups', () => {
  it('writes a backup beside the database, says where and how big, and lists it', () => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    databaseWithComments(db, 40);

    const backup = runCli(db, 'backup');
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const [, written, size] = /^Backed up .* to (\S+) \((\d+(?:\.\d)? KB)\)\.\n$/.exec(backup.stdout) ?? [];
    expect(path.dirname(written!)).toBe(path.join(dir, 'backups'));
    expect(path.basename(written!)).toMatch(/^switchboard-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-manual\.sqlite$/);
    expect(size).toBeDefined();
    expect(comments(written!)).toBe(40);

    const list = runCli(db, 'backups');
    expect(list.stdout).toMatch(/^TAKEN \(UTC\)\s+KIND\s+SIZE\s+FILE\n/);
    expect(list.stdout).toContain(`manual  ${size}`);
    expect(list.stdout).toContain(written!);
    expect(JSON.parse(runCli(db, '--json', 'backup', '--list').stdout)).toMatchObject([{ file: written, kind: 'manual', automatic: false }]);
  });

  it('with --out writes to that file instead', () => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    databaseWithComments(db, 12);
    const out = path.join(dir, 'copy.sqlite');
    const run = runCli(db, 'backup', '--out', out);
    expect(run.stdout).toMatch(new RegExp(`^Backed up .* to ${out} \\(\\d`));
    expect(comments(out)).toBe(12);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('before a migration, copies an older database that has data', () => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    const old = new Database(db, { nativeBinding: nativeBindingForThisProcess() });
    migrate(old, migrations.slice(0, -1));
    addFeed(old);
    old.close();

    expect(JSON.parse(runCli(db, 'api', 'app-info').stdout)).toMatchObject({ schemaVersion: LATEST });
    const backups = JSON.parse(runCli(db, '--json', 'backups').stdout) as { file: string; kind: string }[];
    expect(backups).toMatchObject([{ kind: 'before-migration' }]);
    const copy = new Database(backups[0]!.file, { readonly: true, nativeBinding: nativeBindingForThisProcess() });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST - 1);
    expect(copy.prepare('SELECT COUNT(*) FROM feeds').pluck().get()).toBe(1);
    copy.close();

    // Opened again at the latest version: nothing more to copy.
    runCli(db, 'feeds');
    expect(JSON.parse(runCli(db, '--json', 'backups').stdout)).toHaveLength(1);
  });
});

describe('switchboard restore', () => {
  it('puts the backup in place and keeps the replaced database aside in the backups folder', () => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    databaseWithComments(db, 30);
    const backup = path.join(dir, 'monday.sqlite');
    runCli(db, 'backup', '--out', backup);
    addComments(db, 5);

    const run = runCli(db, 'restore', backup);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const aside = /kept at (\S+)\.$/m.exec(run.stdout)?.[1];
    expect(run.stdout).toContain(`Restored ${db} from ${backup}.`);
    expect(path.dirname(aside!)).toBe(path.join(dir, 'backups'));
    expect(path.basename(aside!)).toMatch(/^switchboard\.db\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d$/);
    expect(comments(db)).toBe(30);
    expect(comments(aside!)).toBe(35);
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    expect(JSON.parse(runCli(db, '--json', 'items', '--limit', '100').stdout)).toHaveLength(30);
  });

  it('brings an older backup up to the current schema when the database is next opened', () => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    databaseWithComments(db, 3);
    const backup = path.join(dir, 'old.sqlite');
    const old = new Database(backup, { nativeBinding: nativeBindingForThisProcess() });
    migrate(old, migrations.slice(0, -1));
    old.close();

    expect(runCli(db, 'restore', backup).code).toBe(0);
    expect(JSON.parse(runCli(db, 'api', 'app-info').stdout)).toMatchObject({ schemaVersion: LATEST });
  });

  it.each([
    ['a text file', (file: string) => fs.writeFileSync(file, 'notes from the meeting\n'.repeat(300)), 'is not an SQLite database'],
    [
      'another SQLite database',
      (file: string) => {
        const other = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
        other.exec('CREATE TABLE recipes (name TEXT)');
        other.close();
      },
      'is an SQLite database but not a Switchboard one',
    ],
    [
      'a newer Switchboard database',
      (file: string) => {
        databaseWithComments(file, 1);
        const future = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
        future.pragma(`user_version = ${LATEST + 1}`);
        future.close();
      },
      `was written by a newer Switchboard (schema version ${LATEST + 1}; this one knows up to ${LATEST}); update Switchboard first`,
    ],
    [
      'a damaged backup',
      (file: string) => {
        databaseWithComments(file, 300);
        damagePages(file);
      },
      "is damaged: SQLite's integrity check found",
    ],
  ])('refuses %s with a plain message and leaves the database as it was', (_what, make, message) => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    databaseWithComments(db, 7);
    const candidate = path.join(dir, 'candidate.sqlite');
    make(candidate);

    const run = runCli(db, 'restore', candidate);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^switchboard: [A-Z/]/);
    expect(run.stderr).toContain(`${candidate} ${message}`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(comments(db)).toBe(7);
    // Nothing was set aside or copied (SQLite's own -wal and -shm files aside).
    expect(fs.readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name)).sort()).toEqual(['candidate.sqlite', 'switchboard.db']);
  });

  it('refuses while another Switchboard has the database open', () => {
    const dir = tempDir();
    const db = path.join(dir, 'switchboard.db');
    databaseWithComments(db, 4);
    const backup = path.join(dir, 'copy.sqlite');
    runCli(db, 'backup', '--out', backup);
    const console = openDatabase(db);
    try {
      const run = runCli(db, 'restore', backup);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`switchboard: Another Switchboard (a console, the window or a switchboard command) has ${db} open; close it and try again.\n`);
      expect(console.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(4);
    } finally {
      console.close();
    }
  });
});

describe('a damaged database', () => {
  const quoted = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('whose header cannot be read stops every command with the file, its newest backup and the exact command that restores it, which works', () => {
    const dir = tempDir();
    const db = path.join(dir, 'my data', 'switchboard.db');
    fs.mkdirSync(path.dirname(db));
    databaseWithComments(db, 300);
    expect(runCli(db, 'backup').code).toBe(0);
    damageHeader(db);
    const before = fs.readFileSync(db);

    const run = runCli(db, 'feeds');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(`^switchboard: ${quoted(db)} is damaged \\(SQLite's check found: file is not a database\\); Switchboard left it as it is\\. Restore its newest backup, from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, in Settings or with: switchboard restore .+ --db '${quoted(db)}'\\n$`),
    );
    expect(fs.readFileSync(db).equals(before)).toBe(true);

    const command = /with: switchboard (restore .+)$/m.exec(run.stderr)![1]!;
    const restore = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command}`], { encoding: 'utf8' });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(JSON.parse(runCli(db, '--json', 'items', '--limit', '500').stdout)).toHaveLength(300);
  });

  it('with damaged pages fails the command that reaches them with the same advice, in place of an internal error', () => {
    const db = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(db, 300);
    expect(runCli(db, 'backup').code).toBe(0);
    damagePages(db);

    const run = runCli(db, 'items', '--limit', '500');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^switchboard: Part of ${quoted(db)} is damaged and could not be read \\(SQLite: database disk image is malformed\\)\\. Restore its newest backup, from .+ UTC, in Settings or with: switchboard restore ${quoted(path.dirname(db))}/backups/switchboard-.+-manual\\.sqlite --db ${quoted(db)}\\n$`),
    );
  });

  it('is found by switchboard check, which reads every page, with the same advice', () => {
    const db = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(db, 300);
    expect(runCli(db, 'check')).toEqual({ code: 0, stdout: `${db} passed SQLite's full check.\n`, stderr: '' });
    expect(runCli(db, 'backup').code).toBe(0);
    damagePages(db);

    const run = runCli(db, 'check');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^switchboard: ${quoted(db)} is damaged \\(SQLite's check found: .+\\); Switchboard left it as it is\\. Restore its newest backup, from .+ UTC, in Settings or with: switchboard restore .+-manual\\.sqlite --db ${quoted(db)}\\n$`));
  });

  it('without a backup, says there is none', () => {
    const db = path.join(tempDir(), 'switchboard.db');
    databaseWithComments(db, 300);
    damageHeader(db);
    const run = runCli(db, 'feeds');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('It has no backup in the backups folder beside it; copy the file somewhere safe before trying repair tools');
  });
});
