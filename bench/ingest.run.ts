// npm run bench:ingest — the same feed bytes served from a local server, ingested end to end
// (fetch, decode, parse, normalize, sanitize in the worker thread; store in a real SQLite file)
// versus bare rss-parser parseString on the same bytes. Prints both rates and their ratio, then what
// each stage costs on one thread and the best ratio those costs allow on this machine's cores.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Parser from 'rss-parser';
import { it } from 'vitest';
import { openDatabase } from '../db/connection';
import { createService } from '../main/app/service';
import { refreshFeeds } from '../main/features/feeds/refresh';
import { workerRunner } from '../main/features/feeds/runner';
import { addFeed } from '../test/support/seed';
import { commentFeed } from './comment-feed';
import { stageCosts } from './ingest-stages';

const COMMENTS_PER_FEED = Number(process.env.BENCH_COMMENTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 24);
const TRIALS = Math.max(1, Number(process.env.BENCH_TRIALS ?? 3));
const ROOT = path.resolve(__dirname, '..');

const us = (micros: number) => `${micros.toFixed(1)} µs`;

/** Bare parsing: what rss-parser alone does with the same bytes, in items per second. */
async function measureBareParse(parser: Parser, bytes: Buffer): Promise<number> {
  const started = performance.now();
  let parsed = 0;
  for (let round = 0; round < ROUNDS; round += 1) parsed += (await parser.parseString(bytes.toString('utf8'))).items.length;
  return parsed / ((performance.now() - started) / 1000);
}

/** End to end: one fetch run, as "Fetch now" does, over ROUNDS new feeds all served the same bytes, so every comment is new and stored. */
async function measureEndToEnd(origin: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  const service = createService({ db: openDatabase(path.join(dir, 'bench.db')), dbPath: dir, version: 'bench', runner: workerRunner(path.join(ROOT, 'out', 'main', 'ingest-worker.js')) });
  try {
    // Warm-up: both workers start and their code is compiled before the clock runs, as in a
    // console that has been open for a while.
    const warmups = [0, 1, 2, 3].map((n) => addFeed(service.context.db, 'warm-up', `${origin}/warmup-${n}.xml`));
    await refreshFeeds(service.context, { feedIds: warmups });
    const ids = Array.from({ length: ROUNDS }, (_, round) => addFeed(service.context.db, `round ${round}`, `${origin}/feed-${round}.xml`));
    const started = performance.now();
    const results = await refreshFeeds(service.context, { feedIds: ids });
    const stored = results.reduce((sum, result) => sum + result.newItems, 0);
    if (stored !== COMMENTS_PER_FEED * ROUNDS) throw new Error(`bench: stored ${stored} comments, expected ${COMMENTS_PER_FEED * ROUNDS}`);
    return stored / ((performance.now() - started) / 1000);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

it('ingest throughput', async () => {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-built.cjs')], { stdio: 'inherit' });
  const xml = commentFeed(COMMENTS_PER_FEED);
  const bytes = Buffer.from(xml);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(bytes));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const parser = new Parser();
  for (let round = 0; round < 4; round += 1) await parser.parseString(xml);
  // Trials alternate the two measurements, so a busy moment on the machine hits both alike; the
  // medians are compared.
  const bareRates: number[] = [];
  const endToEndRates: number[] = [];
  try {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      bareRates.push(await measureBareParse(parser, bytes));
      endToEndRates.push(await measureEndToEnd(origin));
    }
  } finally {
    server.close();
  }

  const stages = await stageCosts(xml, 8);
  const bareRate = median(bareRates);
  const endToEndRate = median(endToEndRates);
  // Perfectly shared cores: each comment's total work spread over the cores the pool and the
  // main process can use, but never faster than the main process stores or the workers parse.
  // An upper bound: fetching, decoding and handing results between threads are left out.
  const workers = Math.min(2, os.availableParallelism());
  const cores = Math.min(os.availableParallelism(), workers + 1);
  const total = stages.parse + stages.sanitizeAndNormalize + stages.store;
  const bestMicrosPerComment = Math.max(total / cores, stages.store, (stages.parse + stages.sanitizeAndNormalize) / workers);
  const ceiling = 1e6 / bareRate / bestMicrosPerComment;

  const range = (rates: number[]) => `(trials: ${rates.map((rate) => rate.toFixed(0)).join(', ')})`;
  const lines = [
    `feed: ${COMMENTS_PER_FEED} comments, ${(bytes.length / 1024).toFixed(0)} KiB; ${ROUNDS} feeds per run; ${TRIALS} trials, medians; Node ${process.versions.node}, ${os.cpus().length} cores`,
    `bare rss-parser parseString:  ${bareRate.toFixed(0).padStart(7)} items/s     ${range(bareRates)}`,
    `end-to-end ingest (stored):   ${endToEndRate.toFixed(0).padStart(7)} comments/s  ${range(endToEndRates)}`,
    `ratio end-to-end / bare:      ${(endToEndRate / bareRate).toFixed(2)}  (goal: at least 0.60)`,
    '',
    `per comment on one thread: parse ${us(stages.parse)}, sanitize and normalize ${us(stages.sanitizeAndNormalize)}, store ${us(stages.store)}`,
    `best ratio these costs allow with ${workers} worker(s) and the main process on ${cores} core(s): ${ceiling.toFixed(2)}`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
});
