// The benchmark's database: a moderator two years into following 200 busy blogs and forums
// (issue 12). 1,000,000 comments by 50,000 authors in 20,000 threads, 5% still in the Inbox and
// the rest routed, snoozed, drafted, exported, resolved and done as a working desk leaves them.
// Built once per schema and generator version into the temp folder, then reused: the build
// takes minutes, the figures seconds.
//
// Rows go in with direct prepared inserts (as bench/seed-comments.ts does) rather than through the
// feed pipeline, which would take an hour at this size; every table the app reads is filled the way
// the app fills it: the search index (rowid = items.id), members and their aliases, threads per
// site, drafts, incidents, spotlight actions, community answers and the audit log.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/connection';
import { migrations } from '../db/migrations';
import { indexComment } from '../db/search-index';
import { seededRandom } from '../test/support/seeded-random';

/** Raise when the data below changes, so a cached file of the old shape is built again. */
const GENERATOR_VERSION = 1;

export const BIG = { comments: 1_000_000, feeds: 200, threads: 20_000, authors: 50_000, years: 2 };
/** The newest comment's time: fixed, so every build is the same file. */
export const BIG_NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

/** Words the benchmark searches for, and how many comments hold them. */
export const WORDS = { common: 'support', prefix: 'web', rare: 'zeppelin' };


// Everyday words, the first ones far more frequent than the last (roughly Zipf, as real text is).
const FILLER = `the a to and is it of for in that this on my with i you be have but not are was
  can just when after before still again now would like any some how what why there here new
  page login update account error issue problem thanks great post article help works fixed broke
  order refund price plan team docs version release phone app email password download install
  setup server deploy dashboard settings export import report feature request bug crash slow fast
  billing invoice card payment shipping delivery package return exchange store checkout cart
  community forum thread reply answer question idea tutorial guide example code script plugin theme
  mobile desktop browser chrome firefox safari windows linux mac android ios tablet screen button
  menu link image video audio upload file folder backup sync cloud storage network wifi router
  outage downtime status incident maintenance schedule monday tuesday weekend morning evening
  meetup event talk slides recording workshop course lesson beginner advanced pro tip trick hack
  love hate agree disagree interesting useful awesome terrible confusing clear simple complex`
  .split(/\s+/)
  .filter(Boolean);
// "web*" matches several words, as a prefix search does in real text.
const WEB_WORDS = ['web', 'website', 'webhook', 'webinar', 'webpage', 'websocket', 'webmaster'];

/** The text of comment `n` (the generator's next numbers pick its words); bench/ingest-figures.ts writes new ones alike. */
export function comment(next: () => number, n: number): string {
  const length = 8 + Math.floor(next() * 30);
  const words: string[] = [];
  for (let index = 0; index < length; index += 1) words.push(FILLER[Math.floor(FILLER.length * next() ** 2.2)]!);
  // About 8% of comments ask for support, about 6% mention a web-something, 20 say "zeppelin".
  if (next() < 0.08) words.splice(Math.floor(next() * words.length), 0, WORDS.common);
  if (next() < 0.06) words.splice(Math.floor(next() * words.length), 0, WEB_WORDS[Math.floor(next() * WEB_WORDS.length)]!);
  if (n % 50_000 === 7) words.push(WORDS.rare);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** A short fingerprint of the schema: a new migration builds a new file. */
function schemaKey(): string {
  const hash = createHash('sha256');
  for (const migration of migrations) hash.update(`${migration.version}:${migration.sql}\n`);
  return `v${migrations.at(-1)?.version ?? 0}-${hash.digest('hex').slice(0, 8)}`;
}

/** Where the cached file of this schema lives (BENCH_DB_DIR to put it elsewhere). */
export function bigDbPath(): string {
  const dir = process.env.BENCH_DB_DIR ?? path.join(os.tmpdir(), 'switchboard-bench');
  return path.join(dir, `switchboard-1m-g${GENERATOR_VERSION}-${schemaKey()}.db`);
}

function fill(db: Db): void {
  const next = seededRandom(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const start = BIG_NOW - BIG.years * 365 * DAY;
  const span = BIG_NOW - start;

  const feedIds: number[] = [];
  const feedSites: string[] = [];
  const insertFeed = db.prepare(
    `INSERT INTO feeds (url, site, title, created_at, last_fetched_at, last_success_at, next_fetch_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let n = 0; n < BIG.feeds; n += 1) {
    const site = `blog${n}.example`;
    feedSites.push(site);
    feedIds.push(Number(insertFeed.run(`https://${site}/comments/feed/`, site, `Blog ${n} comments`, start, BIG_NOW, BIG_NOW, BIG_NOW + 15 * 60_000).lastInsertRowid));
  }
  // Threads belong to their feed's site: thread t is on feed t % feeds.
  const threadIds: number[] = [];
  const threadTitles: string[] = [];
  const insertThread = db.prepare('INSERT INTO threads (site, url, title, created_at) VALUES (?, ?, ?, ?)');
  for (let n = 0; n < BIG.threads; n += 1) {
    const site = feedSites[n % BIG.feeds]!;
    const title = `${pick(['How to', 'Why', 'Release notes:', 'Ask us:', 'Show and tell:'])} ${pick(FILLER)} ${pick(FILLER)} ${n}`;
    threadTitles.push(title);
    threadIds.push(Number(insertThread.run(site, `https://${site}/posts/${n}/`, title, start + Math.floor((n / BIG.threads) * span)).lastInsertRowid));
  }
  // Every author has a member of their own, as migration 011's triggers give them when their comments arrive.
  const authors = Array.from({ length: BIG.authors }, (_, n) => `${pick(['Alex', 'Sam', 'Priya', 'Marcus', 'Lee', 'Dana', 'Yuki', 'Omar', 'Ines', 'Kofi'])} ${n}`);
  const insertMember = db.prepare('INSERT INTO members (name, created_at) VALUES (?, ?)');
  const insertAlias = db.prepare('INSERT INTO member_aliases (author, member_id, original_member_id) VALUES (?, ?, ?)');
  for (const author of authors) {
    const id = Number(insertMember.run(author, start).lastInsertRowid);
    insertAlias.run(author, id, id);
  }
  const incidents = Array.from({ length: 40 }, (_, n) => Number(db.prepare('INSERT INTO incidents (title, created_at) VALUES (?, ?)').run(`Outage ${n}`, start + n * 17 * DAY).lastInsertRowid));

  const insertItem = db.prepare(
    `INSERT INTO items (feed_id, guid, thread_id, url, author, published_at, content_html, content_text, status, route, routed_at,
       snoozed_until, snooze_until_reply, service_state, service_exported_at, resolution, answered_by, incident_id, fetched_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDraft = db.prepare('INSERT INTO drafts (item_id, body, templates, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertAction = db.prepare('INSERT INTO spotlight_actions (item_id, action, note, answers_item_id, at) VALUES (?, ?, ?, ?, ?)');
  const insertAudit = db.prepare('INSERT INTO audit_log (at, action, detail, undo) VALUES (?, ?, ?, ?)');
  // The latest comment of each thread, for community answers within a thread.
  const lastInThread = new Map<number, number>();

  for (let n = 0; n < BIG.comments; n += 1) {
    const age = 1 - n / BIG.comments; // 1 for the oldest, 0 for the newest
    // Stored in fetch order: published a little before it was fetched, so ids and times mostly agree.
    const publishedAt = start + Math.floor((n / BIG.comments) * span) - Math.floor(next() * 2 * 3_600_000);
    const threadIndex = Math.min(BIG.threads - 1, Math.floor((n / BIG.comments) * BIG.threads * 0.9 + next() * BIG.threads * 0.1));
    const threadId = threadIds[threadIndex]!;
    const feedId = feedIds[threadIndex % BIG.feeds]!;
    const author = authors[Math.floor(BIG.authors * next() ** 1.6)]!;
    const text = comment(next, n);
    // The Inbox is mostly the recent backlog, with a few old comments nobody triaged.
    let status = 'done';
    let route: string | null = null;
    let snoozedUntil: number | null = null;
    let untilReply = 0;
    let serviceState: string | null = null;
    let exportedAt: number | null = null;
    let resolution: string | null = null;
    let answeredBy: number | null = null;
    let incident: number | null = null;
    const roll = next();
    if (age < 0.05 ? roll < 0.85 : roll < 0.009) status = 'new';
    else if (roll < 0.015) {
      status = 'snoozed';
      if (next() < 0.3) untilReply = 1;
      else snoozedUntil = BIG_NOW + Math.floor(next() * 14 * DAY);
    } else {
      const lane = next();
      route = lane < 0.1 ? 'service' : lane < 0.15 ? 'spotlight' : lane < 0.45 ? 'ignore' : null;
      status = route !== null && next() < 0.5 ? 'routed' : 'done';
    }
    const routedAt = route === null ? null : publishedAt + Math.floor(next() * DAY);
    if (route === 'service') {
      serviceState = age < 0.02 ? pick(['open', 'drafted', 'ready']) : pick(['exported', 'resolved', 'resolved', 'open']);
      if (serviceState === 'exported' || serviceState === 'resolved') exportedAt = (routedAt ?? publishedAt) + DAY;
      if (serviceState === 'resolved') {
        const helper = lastInThread.get(threadId);
        if (helper !== undefined && next() < 0.2) {
          resolution = 'answered-by-community';
          answeredBy = helper;
        } else resolution = 'replied';
      }
      if (next() < 0.02) incident = pick(incidents);
    }
    const id = Number(
      insertItem.run(
        feedId, `c-${n}`, threadId, `https://${feedSites[threadIndex % BIG.feeds]}/posts/${threadIndex}/#comment-${n}`, author, publishedAt,
        `<p>${text}</p>`, text, status, route, routedAt, snoozedUntil, untilReply, serviceState, exportedAt, resolution, answeredBy, incident,
        publishedAt + 3_600_000, publishedAt + 3_600_000,
      ).lastInsertRowid,
    );
    indexComment(db, { id, text, author, threadTitle: threadTitles[threadIndex]!, feedId, publishedAt });
    lastInThread.set(threadId, id);
    if (serviceState === 'drafted' || serviceState === 'ready' || serviceState === 'exported') {
      insertDraft.run(id, `Hi ${author}, thanks for writing in. We are looking at it.`, '[]', routedAt, routedAt);
    }
    if (route === 'spotlight' && next() < 0.3) {
      const action = pick(['feature', 'thank', 'answer']);
      const question = action === 'answer' ? (lastInThread.get(threadId) ?? null) : null;
      insertAction.run(id, action, action === 'feature' ? 'Solved it for everyone' : null, question === id ? null : question, routedAt ?? publishedAt);
    }
    if (route !== null && n % 20 === 0) {
      insertAudit.run(routedAt ?? publishedAt, 'route', JSON.stringify({ ids: [id], route }), JSON.stringify({ items: [{ id, status: 'new', route: null }] }));
    }
  }
}

/**
 * The cached 1M database of this schema, built first if missing (a few minutes). `log` hears
 * the build's progress. The file is built under a temporary name and renamed, so an interrupted
 * build is never taken for a whole one.
 */
export function ensureBigDb(log: (line: string) => void = () => {}): string {
  const file = bigDbPath();
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const building = `${file}.building-${process.pid}`;
  const started = performance.now();
  log(`building the benchmark database (${BIG.comments.toLocaleString('en')} comments) at ${file}; once per schema, a few minutes`);
  const db = openDatabase(building);
  try {
    // No journal while building: a failed build is thrown away whole. The app's WAL mode after.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.transaction(() => fill(db))();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${building}${suffix}`, { force: true });
  fs.renameSync(building, file);
  log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s, ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB`);
  return file;
}
