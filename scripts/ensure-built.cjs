// Builds the app (electron-vite: main, preload, renderer) when out/ is missing or older than the
// sources, so `npx switchboard`, `npm start` and `npm run serve` never run stale code.
// Build output goes to stderr: stdout belongs to the command (JSON, the console URL).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const SOURCES = ['common', 'main', 'preload', 'renderer', 'db', 'electron.vite.config.ts', 'package.json'];
const STAMP = path.join(root, 'out', '.build-stamp');

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function isFresh() {
  let built;
  try {
    built = fs.statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

const LOCK = path.join(root, '.build-lock');

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** One build at a time: parallel test files or commands wait for the build under way, then reuse it. */
function withLock(run) {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than five minutes was left by a build that died.
      const age = Date.now() - fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() - started > 300_000) throw new Error('switchboard: build: another build has held the lock for five minutes');
      sleep(200);
    }
  }
  try {
    run();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function ensureBuilt() {
  if (isFresh()) return;
  withLock(build);
}

function build() {
  if (isFresh()) return; // built by whoever held the lock before us
  const packageDir = path.dirname(require.resolve('electron-vite/package.json', { paths: [root] }));
  const cli = path.join(packageDir, 'bin', 'electron-vite.js');
  process.stderr.write('switchboard: building the app (sources changed since the last build)...\n');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('switchboard: build: electron-vite build failed; see the messages above.');
  fs.writeFileSync(STAMP, new Date().toISOString() + '\n');
}

/** For entry points: build if needed, or say why not in one line and exit with code 1. */
function ensureBuiltOrExit() {
  try {
    ensureBuilt();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { ensureBuilt, ensureBuiltOrExit };
if (require.main === module) ensureBuiltOrExit();
