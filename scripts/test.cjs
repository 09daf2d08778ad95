// `npm test`: typecheck, the layer check, build, unit and integration tests (Vitest), then end-to-end specs in real
// Chromium (Playwright). Ends with one line totalling every test: "tests: N passed, N failed, N skipped".
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
// Not under test-results/: Playwright empties that folder when it starts.
const reports = path.join(root, '.tmp', 'test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}

function step(title, command, args, env = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`== ${title}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return run.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (!step('typecheck (main, renderer, e2e)', 'npm', ['run', '--silent', 'typecheck'])) process.exit(1);
// The layers (.dependency-cruiser.cjs): a wrong-way import or a circle fails here, naming the rule.
if (!step('layers (dependency-cruiser)', bin('depcruise'), ['common', 'db', 'main', 'renderer', 'preload', '--config', '.dependency-cruiser.cjs'])) process.exit(1);
if (!step('build', process.execPath, [path.join(root, 'scripts', 'ensure-built.cjs')])) process.exit(1);

const vitestJson = path.join(reports, 'vitest.json');
const unitOk = step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const e2eJson = path.join(reports, 'playwright.json');
const e2eOk = step('end-to-end tests (playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });

const unit = readJson(vitestJson);
const e2e = readJson(e2eJson);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
const ok = unitOk && e2eOk && unit !== null && e2e !== null;
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(ok ? 0 : 1);
