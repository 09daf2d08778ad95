// Several `switchboard` commands started together on a brand-new database (a script running
// them in parallel) all migrate it at once. Each used to read "version 0" before taking the write
// lock and then create the tables again ("table templates already exists").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations';
import { ensureBuilt } from '../../support/built-cli';
import { tempDir } from '../../support/temp';

const CLI_BUNDLE = path.resolve(__dirname, '../../../out/main/cli.js');
const PROCESSES = 8;

beforeAll(ensureBuilt, 120_000);

/**
 * A real CLI process that loads the bundle, then waits for `go` to appear before running its
 * command, so all of them reach the migration together instead of one Node start-up apart.
 */
function cliAtSignal(go: string, args: string[]) {
  const script = `
    const fs = require('node:fs');
    const cli = require(${JSON.stringify(CLI_BUNDLE)});
    process.send('ready');
    (function wait() { if (fs.existsSync(${JSON.stringify(go)})) cli.main(${JSON.stringify(args)}); else setTimeout(wait, 1); })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, SWITCHBOARD_DB: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { ready, done };
}

describe('several processes opening one new database at once', () => {
  it('all succeed and find it migrated once', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'new.db');
    const go = path.join(dir, 'go');
    const runs = Array.from({ length: PROCESSES }, () => cliAtSignal(go, ['--db', db, 'api', 'app-info']));
    await Promise.all(runs.map((run) => run.ready));
    fs.writeFileSync(go, '');
    const results = await Promise.all(runs.map((run) => run.done));

    expect(results.map((result) => result.stderr)).toEqual(Array(PROCESSES).fill(''));
    expect(results.map((result) => result.code)).toEqual(Array(PROCESSES).fill(0));
    for (const result of results) expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: migrations.at(-1)!.version });
  }, 120_000);
});
