// What each stage of ingesting costs per comment, on one thread: the same code the worker and the
// main process run, timed one stage at a time, so the end-to-end figure can be read against them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { normalizeFeed } from '../main/features/feeds/parse/normalize';
import { parseFeedXml, type RawFeed } from '../main/features/feeds/parse/rss';
import { storeOutcome } from '../main/features/feeds/store';
import { scoreArrivals } from '../main/features/suggestions/ingest';
import { addFeed } from '../test/support/seed';

export interface StageCosts {
  /** Microseconds per comment. */
  parse: number;
  sanitizeAndNormalize: number;
  store: number;
}

async function perComment(rounds: number, comments: number, stage: (round: number) => unknown): Promise<number> {
  for (let round = 0; round < 3; round += 1) await stage(-1 - round);
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) await stage(round);
  return ((performance.now() - started) * 1000) / (rounds * comments);
}

export async function stageCosts(xml: string, rounds: number): Promise<StageCosts> {
  const raw: RawFeed = await parseFeedXml(xml);
  const count = raw.items.length;
  const feedUrl = 'https://blog.hostwise.example/comments/feed/';
  const parse = await perComment(rounds, count, () => parseFeedXml(xml));
  const sanitizeAndNormalize = await perComment(rounds, count, () => normalizeFeed(raw, feedUrl, Date.now()));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-stages-'));
  const db = openDatabase(path.join(dir, 'stages.db'));
  try {
    const outcome = { status: 'ok' as const, finalUrl: feedUrl, etag: null, lastModified: null, feed: normalizeFeed(raw, feedUrl, Date.now()) };
    // A new feed each round, so every comment is new and stored, as in the end-to-end run.
    const store = await perComment(rounds, count, (round) => {
      const id = addFeed(db, 'stages', `${feedUrl}?round=${round}`);
      storeOutcome(db, { id, url: feedUrl, title: 'stages', interval_minutes: 15, error_count: 0, follow_days: null, site: new URL(feedUrl).hostname }, outcome, Date.now(), scoreArrivals);
    });
    return { parse, sanitizeAndNormalize, store };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
