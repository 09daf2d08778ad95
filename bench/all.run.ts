// npm run bench: issue 12's figures on a 1,000,000-comment database (bench/big-db.ts, built once
// per schema into the temp folder), each next to its goal, with median and p95. The last line is
// one JSON object, {"goals":[{name, value, unit, goal, pass}, ...]}, for whatever reads the run.
// Asserts nothing: a figure that misses its goal says FAIL and the run still ends.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { openDatabase } from '../db/connection';
import { createService } from '../main/app/service';
import { inProcessRunner } from '../main/features/feeds/in-process-runner';
import { BIG, BIG_NOW, ensureBigDb } from './big-db';
import type { Goal } from './figures';
import { queryFigures } from './query-figures';
import { busyFigures } from './busy-figures';
import { cliFigures } from './cli-figures';
import { ingestFigures } from './ingest-figures';
import { consoleFigures } from './console-figures';
import { suggestionFigures } from './suggestion-figures';

it('issue 12 figures at 1,000,000 comments', async () => {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const file = ensureBigDb(print);
  const db = openDatabase(file);
  // The clock stands at the database's "now", so no snooze comes due and the file stays as built.
  const service = createService({ db, dbPath: file, version: 'bench', now: () => BIG_NOW, runner: inProcessRunner(), log: () => {} });
  const bytes = fs.statSync(file).size;
  print(`${BIG.comments.toLocaleString('en')} comments, ${(bytes / 1024 / 1024).toFixed(0)} MB (${Math.round(bytes / BIG.comments)} bytes a comment), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
  const goals: Goal[] = [];
  try {
    goals.push(...(await queryFigures(service.client, print)));
  } finally {
    db.close();
  }
  // Copies of the closed file, synced before each trial.
  goals.push(...(await ingestFigures(print)));
  goals.push(...(await suggestionFigures(print)));
  // Through real processes on a copy of the file, which they change (the cached one stays as built).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-copy-'));
  try {
    const copy = path.join(dir, 'switchboard.db');
    fs.copyFileSync(file, copy);
    goals.push(...(await cliFigures(copy, print)));
    goals.push(...(await busyFigures(copy, print)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The console in Chromium, on a copy of its own.
  goals.push(...(await consoleFigures(print)));
  print(`\n${goals.filter((goal) => goal.pass).length} of ${goals.length} goals pass`);
  print(JSON.stringify({ goals }));
  // Building the database (first run of a schema) takes minutes more than the figures: no cut-off
  // short of half an hour.
}, 1_800_000);
