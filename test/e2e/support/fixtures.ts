// `consolePage`: the Switchboard console, opened on a fresh database of the test's own, either in
// Chromium through browser mode (project "browser") or in Electron's window (project "electron").
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { _electron, test as base, type Page } from '@playwright/test';
import { electronAvailability, PROJECT_ROOT } from './electron';
import { seedComments, type SeedSpec } from './seed-db';

export interface ServedConsole {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
}

const URL_LINE = /^Switchboard console: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/;

export interface ServeOptions {
  /** Added to the server's environment. */
  env?: NodeJS.ProcessEnv;
  /** Another user to run the server as (uid, gid). */
  user?: { uid?: number; gid?: number };
}

/** Starts `switchboard serve` on a free port and waits for the one line it prints. */
export async function serveConsole(dbPath: string, { env = {}, user = {} }: ServeOptions = {}): Promise<{ served: ServedConsole; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'switchboard.cjs'), 'serve', '--db', dbPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
    ...user,
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`switchboard serve exited with code ${code} before printing its URL`)));
  });
  const match = URL_LINE.exec(first);
  if (!match) throw new Error(`switchboard serve printed an unexpected first line: ${first}`);
  return { served: { url: match[0].slice('Switchboard console: '.length), origin: match[1]!, token: match[2]!, dbPath }, child };
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Fixtures {
  dbPath: string;
  /** Comments to put in the database before the console opens (test.use({ seed: ... })). */
  seed: SeedSpec | null;
  consolePage: Page;
  served: ServedConsole;
}

export const test = base.extend<Fixtures>({
  dbPath: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-'));
    await use(path.join(dir, 'switchboard.db'));
    fs.rmSync(dir, { recursive: true, force: true });
  },
  seed: [null, { option: true }],
  served: async ({ dbPath, seed }, use) => {
    if (seed) seedComments(dbPath, seed);
    const { served, child } = await serveConsole(dbPath);
    await use(served);
    await stop(child);
  },
  consolePage: async ({ page, dbPath, seed }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const electron = electronAvailability();
      if ('reason' in electron) {
        testInfo.skip(true, electron.reason);
        return;
      }
      if (seed) seedComments(dbPath, seed);
      const app = await _electron.launch({ executablePath: electron.binary, args: [PROJECT_ROOT, '--db', dbPath] });
      await use(await app.firstWindow());
      await app.close();
      return;
    }
    if (seed) seedComments(dbPath, seed);
    const { served, child } = await serveConsole(dbPath);
    await page.goto(served.url);
    await use(page);
    await stop(child);
  },
});

export { expect } from '@playwright/test';
