// npm run bench:open — what the check at open costs: PRAGMA quick_check (run on every open) and a
// full backup (daily, and before a migration) on a database of BENCH_ITEMS comments (1,000,000 by
// default). Prints medians of three cold-ish runs; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { backUp } from '../db/backup';
import { connect } from '../db/connection';
import { quickCheck } from '../db/open';
import { seedComments } from './seed-comments';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

it(`quick_check and a backup with ${ITEMS.toLocaleString('en')} comments`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-open-'));
  try {
    const dbPath = path.join(dir, 'bench.db');
    let started = performance.now();
    seedComments(dbPath, ITEMS);
    const seedSeconds = (performance.now() - started) / 1000;
    const megabytes = fs.statSync(dbPath).size / 1024 / 1024;

    const checks: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const db = connect(dbPath);
      started = performance.now();
      const verdict = quickCheck(db);
      checks.push(performance.now() - started);
      db.close();
      if (verdict !== 'ok') throw new Error(`quick_check found: ${verdict}`);
    }

    const db = connect(dbPath);
    started = performance.now();
    const backup = await backUp(db, dbPath, 'manual', Date.now());
    const backupSeconds = (performance.now() - started) / 1000;
    db.close();

    console.log(
      [
        `${ITEMS.toLocaleString('en')} comments, ${megabytes.toFixed(0)} MB (seeded in ${seedSeconds.toFixed(1)} s), ${os.cpus().length} cores`,
        `PRAGMA quick_check at open: median ${median(checks).toFixed(0)} ms (runs: ${checks.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
        `backup (online backup API, verified with integrity_check, renamed into place): ${backupSeconds.toFixed(1)} s, ${(backup.bytes / 1024 / 1024).toFixed(0)} MB`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
