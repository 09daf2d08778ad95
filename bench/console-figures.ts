// The console's figures on the 1M database (issue 12), measured from outside as a moderator meets
// them: `switchboard serve` launched until it prints its link, that link opened in Chromium until
// the queue answers keys, `j` to the next comment painted, a routing key to the next comment with
// the decision stored, and the memory of both processes after scrolling the whole Inbox.
//
// Routing writes, so everything runs on a copy of the cached database, deleted at the end: the
// cached file stays as built for the next run.
import { backupNamed, inboxScored } from './launch-work';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../test/e2e/support/chromium';
import { ensureBuilt } from '../test/support/built-cli';
import { spawnSwitchboard } from '../test/support/console-process';
import { ensureBigDb } from './big-db';
import { line, ms, timeGoal, type Goal, type Timing } from './figures';

const LAUNCHES = 3;
const OPENS = 5;
const J_PRESSES = 60;
const ROUTE_PRESSES = 30;
const BACKUP_WAIT_MS = 90_000;
/** How long the scroll waits for the console's background scoring of its Inbox (issue 14). */
const SCORING_WAIT_MS = 120_000;
const MB = 1024 * 1024;

function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

function memoryGoal(name: string, bytes: number, limitMb: number): Goal {
  const value = Number((bytes / MB).toFixed(1));
  return { name, value, unit: 'MB', goal: `<= ${limitMb} MB`, pass: value <= limitMb };
}

/** A process's resident memory, as the system counts it (VmRSS in /proc/PID/status). */
function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS line in /proc/${pid}/status`);
  return Number(kb) * 1024;
}

interface Launched {
  child: ChildProcess;
  url: string;
  /** From the spawn to the link printed. */
  ms: number;
  /** Lines the console wrote to stderr (the slow-call log). */
  stderr: string[];
}

async function launch(db: string): Promise<Launched> {
  const started = performance.now();
  const child = spawnSwitchboard(['serve', '--db', db, '--port', '0']);
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (text) => stderr.push(text));
  const link = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`switchboard serve exited (${code}) before printing its link:\n${stderr.join('\n')}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { child, url: link.replace('Switchboard console: ', ''), ms: performance.now() - started, stderr };
}

/** Kills the console: a stopped one waits for its check worker to finish, seconds at 1M, which no figure here is about. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Opens the console's link in a fresh page and waits until the queue is interactive: its first
 * row is selected and `j` moves the selection to the second. Returns the page and how long it took.
 */
async function open(browser: Browser, url: string): Promise<{ page: Page; ms: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const started = performance.now();
  await page.goto(url);
  const options = page.getByRole('listbox', { name: 'Queue' }).getByRole('option');
  await options.first().and(page.locator('[aria-selected="true"]')).waitFor();
  await page.locator('#queue').focus();
  await page.keyboard.press('j');
  await options.nth(1).and(page.locator('[aria-selected="true"]')).waitFor();
  const ms = performance.now() - started;
  // Back to the first row, so the figures below start from the top of the Inbox.
  await page.keyboard.press('k');
  await options.first().and(page.locator('[aria-selected="true"]')).waitFor();
  return { page, ms };
}

/**
 * Instruments the page: each key press's time; each time the detail pane paints another comment
 * (its article is keyed by comment, so a new one is added); each items-route answer; and each
 * items-list page (its rows and whether more follow).
 */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { __marks: { pressed: number; painted: number[]; routed: number[]; pages: number; rows: number; end: boolean } };
    const marks = { pressed: 0, painted: [] as number[], routed: [] as number[], pages: 0, rows: 0, end: false };
    w.__marks = marks;
    window.addEventListener('keydown', () => (marks.pressed = performance.now()), true);
    const pane = document.getElementById('item-detail')!;
    new MutationObserver((records) => {
      if (!records.some((record) => [...record.addedNodes].some((node) => node.nodeName === 'ARTICLE'))) return;
      const pressed = marks.pressed;
      requestAnimationFrame(() => marks.painted.push(performance.now() - pressed));
    }).observe(pane, { childList: true });
    const fetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await fetch(input, init);
      const address = String(input);
      if (address.includes('/api/call/items-route')) marks.routed.push(performance.now() - marks.pressed);
      if (address.includes('/api/call/items-list')) {
        const reply = (await response.clone().json()) as { result?: { items: unknown[]; nextCursor: unknown } };
        marks.pages += 1;
        marks.rows += reply.result?.items.length ?? 0;
        marks.end = reply.result?.nextCursor === null;
      }
      return response;
    };
  });
}

type Marks = { painted: number[]; routed: number[]; pages: number; rows: number; end: boolean };
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);

/** From each `j` to the next comment's detail painted. */
async function jPresses(page: Page): Promise<number[]> {
  const took: number[] = [];
  for (let n = 0; n < J_PRESSES; n += 1) {
    const before = (await marks(page)).painted.length;
    await page.keyboard.press('j');
    await page.waitForFunction((count) => (window as unknown as { __marks: Marks }).__marks.painted.length > count, before);
    took.push((await marks(page)).painted[before]!);
  }
  return took;
}

/** From each routing key to both the next comment painted and the service's answer (the decision stored). */
async function routePresses(page: Page): Promise<number[]> {
  const took: number[] = [];
  for (let n = 0; n < ROUTE_PRESSES; n += 1) {
    const { painted, routed } = await marks(page);
    await page.keyboard.press(n % 2 ? 'c' : 's');
    await page.waitForFunction(
      ([p, r]) => {
        const now = (window as unknown as { __marks: Marks }).__marks;
        return now.painted.length > p! && now.routed.length > r!;
      },
      [painted.length, routed.length],
    );
    const after = await marks(page);
    took.push(Math.max(after.painted[painted.length]!, after.routed[routed.length]!));
  }
  return took;
}

/**
 * Scrolls the queue to its end, page after page, as a moderator dragging the scrollbar down would,
 * until the service says no page follows. Returns the rows read and how long it took.
 */
async function scrollToEnd(page: Page): Promise<{ rows: number; pages: number; seconds: number; complete: boolean }> {
  const started = performance.now();
  const complete = await page.evaluate(async () => {
    const state = (window as unknown as { __marks: Marks }).__marks;
    const scroller = document.getElementById('queue')!.parentElement!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let idleFrames = 0;
    let pages = state.pages;
    while (!state.end) {
      scroller.scrollTop = scroller.scrollHeight;
      await frame();
      if (state.pages !== pages) {
        pages = state.pages;
        idleFrames = 0;
      } else if ((idleFrames += 1) > 600) return false; // about ten seconds without a page: stuck
    }
    return true;
  });
  const { rows, pages } = await marks(page);
  return { rows, pages, seconds: (performance.now() - started) / 1000, complete };
}

/** What every call over the HTTP bridge sends: the link's token. */
function bridgeHeaders(url: URL): Record<string, string> {
  return { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' };
}

/** One call over the HTTP bridge. */
async function callApi(link: string, operation: string): Promise<unknown> {
  const url = new URL(link);
  const response = await fetch(`${url.origin}/api/call/${operation}`, { method: 'POST', headers: bridgeHeaders(url), body: '{}' });
  return response.json();
}

/**
 * Calls views-counts over the HTTP bridge every 250 ms until stopped, timing each round trip: what
 * any keystroke would meet while the console's own background work runs (the full check at start,
 * the daily backup, the first fetch run). Returns the stop function, which resolves to the times.
 */
function pollCalls(link: string): () => Promise<{ at: number; took: number; answered: boolean }[]> {
  const url = new URL(link);
  const headers = bridgeHeaders(url);
  const polls: { at: number; took: number; answered: boolean }[] = [];
  let stopped = false;
  const polling = (async () => {
    while (!stopped) {
      const started = performance.now();
      // A call the console drops (its connection reset after a long freeze) counts with the time it took.
      const answered = await fetch(`${url.origin}/api/call/views-counts`, { method: 'POST', headers, body: '{}' }).then((response) => response.json().then(() => response.ok), () => false);
      polls.push({ at: Date.now(), took: performance.now() - started, answered });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return async () => {
    stopped = true;
    await polling;
    return polls;
  };
}

/** The page's JavaScript heap in use after a full garbage collection. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export async function consoleFigures(print: (text: string) => void): Promise<Goal[]> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('the console figures need Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  ensureBuilt();
  const goals: Goal[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-console-'));
  const db = path.join(dir, 'console.db');
  let served: Launched | null = null;
  let launchedAt = 0;
  let browser: Browser | null = null;
  try {
    const started = performance.now();
    fs.copyFileSync(ensureBigDb(print), db);
    const load = os.loadavg()[0]!.toFixed(1);
    print(`\nconsole in Chromium, browser mode (on a copy of the database, made in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${load} on ${os.cpus().length} cores)`);

    const launches: number[] = [];
    for (let n = 0; n < LAUNCHES; n += 1) {
      if (served) await stop(served.child);
      launchedAt = Date.now();
      served = await launch(db);
      launches.push(served.ms);
    }
    const stopPolling = pollCalls(served!.url);
    const launchTiming = timing(launches);
    goals.push(timeGoal('switchboard serve spawned -> link printed', launchTiming, 1000, 'median'));
    print(line('  serve spawned -> link printed', launchTiming, goals.at(-1)));

    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'] });
    const opens: number[] = [];
    let page: Page | null = null;
    for (let n = 0; n < OPENS; n += 1) {
      await page?.close();
      const opened = await open(browser, served!.url);
      page = opened.page;
      opens.push(opened.ms);
    }
    const openTiming = timing(opens);
    goals.push(timeGoal('console link opened -> queue interactive', openTiming, 1000, 'median'));
    print(line('  link opened -> queue interactive', openTiming, goals.at(-1)));

    await instrument(page!);
    const jTiming = timing(await jPresses(page!));
    goals.push(timeGoal('j -> next comment painted (Chromium)', jTiming, 16, 'median'));
    print(line('  j -> next comment painted', jTiming, goals.at(-1)));
    const routeTiming = timing(await routePresses(page!));
    goals.push(timeGoal('routing key -> next comment, decision stored (Chromium)', routeTiming, 50, 'median'));
    print(line('  routing key -> next comment, decision stored', routeTiming, goals.at(-1)));

    // The console scores its Inbox in the background (at launch, the whole Inbox of a file stored
    // before suggestions; after the routing keys, again with what it learned), and its list reloads
    // when that ends: scrolled meanwhile, the Inbox would be read again from the top. A second and
    // a half lets the keys' learning start (background.ts waits a second after the last change).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const scored = await inboxScored(() => callApi(served!.url, 'suggestions-status'), SCORING_WAIT_MS);
    print(`  the console's scoring of its Inbox ${scored === null ? `had not ended after ${SCORING_WAIT_MS / 1000} s` : `ended ${((scored - launchedAt) / 1000).toFixed(0)} s after its launch`}`);
    const scrolled = await scrollToEnd(page!);
    print(`  scrolled the Inbox to its end: ${scrolled.rows.toLocaleString('en')} rows read in ${scrolled.pages} pages, ${scrolled.seconds.toFixed(1)} s${scrolled.complete ? '' : ' (STOPPED: no page came for 10 s)'}`);
    const heap = await heapAfterGc(page!);
    goals.push(memoryGoal('renderer JS heap after scrolling the Inbox', heap, 100));
    const rss = residentBytes(served!.child.pid!);
    goals.push(memoryGoal('serve process RSS after scrolling the Inbox', rss, 250));
    for (const goal of goals.slice(-2)) print(`  ${goal.name.padEnd(56)} ${goal.value.toFixed(1).padStart(8)} MB  goal ${goal.goal}: ${goal.pass ? 'pass' : 'FAIL'}`);
    // The daily backup (none beside the copy, so one is due) comes after the full check: both read
    // the whole file. The polled calls go on until it is named, to show what they cost a keystroke.
    const backedUp = await backupNamed(path.join(dir, 'backups'), BACKUP_WAIT_MS);
    print(`  the console's full check and daily backup ${backedUp === null ? `had not ended after ${BACKUP_WAIT_MS / 1000} s more` : `ended ${((backedUp - launchedAt) / 1000).toFixed(0)} s after its launch`}`);
    const polls = await stopPolling();
    const worst = polls.reduce((a, b) => (b.took > a.took ? b : a));
    print(`${line('  views-counts round trip all along (every 250 ms)', timing(polls.map((poll) => poll.took)))}  worst ${ms(worst.took)}, ${((worst.at - launchedAt) / 1000).toFixed(0)} s after launch${polls.some((poll) => !poll.answered) ? `; ${polls.filter((poll) => !poll.answered).length} calls FAILED` : ''}`);
    const slow = served!.stderr.filter((text) => text.includes('slow call'));
    if (slow.length > 0) print(`  the console logged ${slow.length} slow calls, the last: ${slow.slice(-3).join('; ')}`);
    return goals;
  } finally {
    await browser?.close();
    if (served) await stop(served.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
