// The real `switchboard` command on storage its user cannot write: a database file without write
// permission (in a writable folder, and in a read-only folder where SQLite cannot even create its
// -shm file), and a really full disk (a 1 MiB tmpfs filled to the last byte). Reading and
// exporting to stdout work; a change fails in one line that says what is wrong, exit code 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { addFeed, addItem } from '../../support/seed';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { tempDir } from '../../support/temp';
import { unprivileged, type RunAs } from '../../support/unprivileged';

beforeAll(ensureBuilt, 120_000);

const ROOT = process.getuid?.() === 0;

function run(user: RunAs, db: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_DB: '' }, ...user });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A database with two comments in customer service, the first with a reply ready to export. */
function seededDatabase(folder: string): string {
  const file = path.join(folder, 'switchboard.db');
  const db = openDatabase(file);
  const feedId = addFeed(db);
  addItem(db, { feedId, author: 'Ana', text: 'Where is my refund?', route: 'service', status: 'routed' });
  addItem(db, { feedId, author: 'Ben', text: 'Same here', route: 'service', status: 'routed' });
  db.close();
  const drafted = run({}, file, 'draft', '1', '--text', 'Hi Ana, your refund left today.', '--ready');
  if (drafted.code !== 0) throw new Error(`seed: ${drafted.stderr}`);
  return file;
}

describe.each([
  ['in a folder it may write to', 0o777],
  ['in a folder it may not write to either', 0o555],
])('a database file the user may not write, %s', (_, folderMode) => {
  const user = unprivileged();

  it('lists the comments and exports to stdout; a change fails in one line that says the file is read-only', (context) => {
    if ('reason' in user) {
      console.log(`skipped: ${user.reason}`);
      context.skip();
      return;
    }
    const folder = tempDir();
    const file = seededDatabase(folder);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(folder, folderMode);

    const items = run(user, file, 'items');
    expect(items.stderr).toBe('');
    expect(items.stdout).toContain('Where is my refund?');
    expect(items.code).toBe(0);

    const exported = run(user, file, 'export', 'drafts', '--format', 'csv');
    expect(exported.stdout).toContain('Hi Ana, your refund left today.');
    expect(exported.stderr).toMatch(/^switchboard: The export is complete, but its replies could not be marked exported\. .* is read-only/);
    expect(exported.code).toBe(0);

    const routed = run(user, file, 'route', '2', 'spotlight');
    expect(routed.stderr).toBe(
      `switchboard: ${file} is read-only: reading works, changes can't be saved. Check the permissions of the file and its folder, or open a writable copy with --db PATH.\n`,
    );
    expect(routed.code).toBe(1);
    fs.chmodSync(folder, 0o755);
  });
});

describe('an export into a folder the user may not write to', () => {
  const user = unprivileged();

  it('fails in one line that says so, and leaves no file behind', (context) => {
    if ('reason' in user) {
      console.log(`skipped: ${user.reason}`);
      context.skip();
      return;
    }
    const file = seededDatabase(tempDir());
    fs.chmodSync(path.dirname(file), 0o777);
    const locked = tempDir();
    fs.chmodSync(locked, ROOT ? 0o755 : 0o555);
    const out = path.join(locked, 'replies.csv');

    const exported = run(user, file, 'export', 'drafts', '--format', 'csv', '--out', out);
    expect(exported.stderr).toBe(`switchboard: Cannot write ${out}: you may not write to that folder. Choose another folder, or check its permissions; nothing was written.\n`);
    expect(exported.code).toBe(1);
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});

describe('a full disk', () => {
  let mounted: string | undefined;
  afterEach(() => {
    if (mounted) spawnSync('umount', [mounted]);
    mounted = undefined;
  });

  /** A 1 MiB tmpfs at `folder`, or why one cannot be mounted here. */
  function smallDisk(folder: string): string | null {
    if (!ROOT) return 'mounting a small tmpfs needs root';
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', folder], { encoding: 'utf8' });
    if (mount.status !== 0) return `mount -t tmpfs failed: ${(mount.stderr || String(mount.error)).trim()}`;
    mounted = folder;
    return null;
  }

  it('still lists and exports to stdout; a draft save says the disk is full', (context) => {
    const disk = tempDir();
    const refused = smallDisk(disk);
    if (refused) {
      console.log(`skipped: ${refused}`);
      context.skip();
      return;
    }
    const seeded = seededDatabase(tempDir());
    const file = path.join(disk, 'switchboard.db');
    fs.copyFileSync(seeded, file);
    // Every free byte taken, as a disk fills up.
    const ballast = fs.openSync(path.join(disk, 'ballast'), 'w');
    try {
      const block = Buffer.alloc(4096);
      for (;;) fs.writeSync(ballast, block);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(ballast);
    }

    const items = run({}, file, 'items');
    expect(items.stderr).toBe('');
    expect(items.stdout).toContain('Where is my refund?');

    const exported = run({}, file, 'export', 'drafts', '--format', 'csv');
    expect(exported.stdout).toContain('Hi Ana, your refund left today.');
    expect(exported.stderr).toMatch(/^switchboard: The export is complete, but its replies could not be marked exported\. The disk holding .* is full/);
    expect(exported.code).toBe(0);

    // An export to a file on that disk fails whole: no half-written file, no temporary one.
    const before = fs.readdirSync(disk).sort();
    const out = path.join(disk, 'replies.csv');
    const toFile = run({}, file, 'export', 'drafts', '--format', 'csv', '--out', out);
    expect(toFile.stderr).toBe(`switchboard: Cannot write ${out}: the disk is full. Free some space, or choose a folder on another disk; nothing was written.\n`);
    expect(toFile.code).toBe(1);
    expect(fs.readdirSync(disk).sort()).toEqual(before);

    const drafted = run({}, file, 'draft', '2', '--text', 'Hi Ben');
    expect(drafted.stderr).toBe(
      `switchboard: The disk holding ${file} is full, so nothing was saved. Free some space; in the console your draft is kept on screen and will be saved when there is room.\n`,
    );
    expect(drafted.code).toBe(1);
  });
});
