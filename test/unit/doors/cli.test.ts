// Runs the real `switchboard` command (bin/switchboard.cjs, the bundle npm installs) as a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { OPERATION_NAMES } from '../../../common/contract';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { tempDir } from '../../support/temp';

const LATEST = migrations.at(-1)!.version;

beforeAll(ensureBuilt, 120_000);

function switchboard(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_DB: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('switchboard CLI', () => {
  it('lists every service operation, as text and as one JSON array', () => {
    const text = switchboard('api', '--list');
    expect(text.code).toBe(0);
    for (const name of OPERATION_NAMES) expect(text.stdout).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));

    const json = switchboard('--json', 'api', '--list');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { name: string; summary: string }[];
    expect(rows.map((row) => row.name)).toEqual(OPERATION_NAMES);
  });

  it('calls an operation on the database given with --db and prints its JSON result', () => {
    const db = path.join(tempDir(), 'cli.db');
    const info = switchboard('--db', db, 'api', 'app-info');
    expect(info.stderr).toBe('');
    expect(JSON.parse(info.stdout)).toMatchObject({ dbPath: db, schemaVersion: LATEST });

    const page = switchboard('api', 'items-list', '{"view":"all","limit":5}', '--db', db);
    expect(JSON.parse(page.stdout)).toEqual({ items: [], nextCursor: null });
    expect(JSON.parse(switchboard('api', 'app-info', '--db', db).stdout).dbPath).toBe(db);
  });

  it('uses SWITCHBOARD_DB when --db is absent', () => {
    const db = path.join(tempDir(), 'from-env.db');
    const run = spawnSync(process.execPath, [BIN, 'api', 'app-info'], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_DB: db } });
    expect(JSON.parse(run.stdout).dbPath).toBe(db);
  });

  it.each([
    [['api', 'items-list', '{"limit": 0}'], 'switchboard: Invalid input: limit: Too small: expected number to be >=1.'],
    [['api', 'item-get', '{id: 1}'], `switchboard: The arguments "{id: 1}" are not valid JSON; write them like '{"id": 3}'`],
    [['api', 'wipe'], 'switchboard: There is no operation "wipe"; "switchboard api --list" lists them.'],
    [['--frobnicate'], "switchboard: Unknown option '--frobnicate'; see --help."],
    [['serve', '--port', 'eighty'], 'switchboard: --port must be a whole number from 0 to 65535, not "eighty".'],
  ])('fails %j with one line on stderr and exit code 1', (args, line) => {
    const run = switchboard('--db', path.join(tempDir(), 'err.db'), ...args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${line}\n`);
  });

  it('refuses a database from a newer Switchboard in one line', () => {
    const db = path.join(tempDir(), 'future.db');
    const raw = new Database(db, { nativeBinding: nativeBindingForThisProcess() });
    raw.pragma('user_version = 40');
    raw.close();
    const run = switchboard('--db', db, 'api', 'app-info');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`switchboard: This file has schema version 40, written by a newer Switchboard; this one knows up to version ${LATEST}. Update Switchboard, or open another file with --db PATH.\n`);
  });

  it.each([[[]], [['api']], [['serve']], [['start']]])('prints help for %j with --help', (args) => {
    const run = switchboard(...args, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: switchboard/);
    expect(run.stdout).toContain('Options:');
  });
});
