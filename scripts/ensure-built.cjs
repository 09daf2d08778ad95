// Builds the app (electron-vite: main, preload, renderer) when out/ is missing or older than the
// sources, so `npx switchboard`, `npm start` and `npm run serve` never run stale code.
// Build output goes to stderr: stdout belongs to the command (JSON, the console URL).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const SOURCES = ['main', 'preload', 'renderer', 'db', 'electron.vite.config.ts', 'package.json'];
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

function ensureBuilt() {
  if (isFresh()) return;
  const packageDir = path.dirname(require.resolve('electron-vite/package.json', { paths: [root] }));
  const cli = path.join(packageDir, 'bin', 'electron-vite.js');
  process.stderr.write('switchboard: building the app (sources changed since the last build)...\n');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('switchboard: build: electron-vite build failed; see the messages above.\n');
    process.exit(1);
  }
  fs.writeFileSync(STAMP, new Date().toISOString() + '\n');
}

module.exports = { ensureBuilt };
if (require.main === module) ensureBuilt();
