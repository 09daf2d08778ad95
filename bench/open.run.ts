// npm run bench:open — on a database of BENCH_ITEMS comments (1,000,000 by default): what an open
// costs (the look at header and schema, every command pays it), the full PRAGMA quick_check (the
// console runs it in a worker thread) and a verified backup (daily, and before a migration).
// Prints medians of three runs; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { backUp } from '../db/backup';
import { connect } from '../db/connection';
import { openChecked, quickCheck } from '../db/open';
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

    const opens: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      started = performance.now();
      const opened = await openChecked(dbPath, Date.now);
      opens.push(performance.now() - started);
      opened.db.close();
      if (opened.damage) throw new Error(`the look at open found: ${opened.damage.finding}`);
    }

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
        `open (look at header and schema, migrations up to date): median ${median(opens).toFixed(1)} ms`,
        `PRAGMA quick_check (full, in the console's worker): median ${median(checks).toFixed(0)} ms (runs: ${checks.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
        `backup (online backup API, verified with integrity_check, renamed into place): ${backupSeconds.toFixed(1)} s, ${(backup.bytes / 1024 / 1024).toFixed(0)} MB`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
