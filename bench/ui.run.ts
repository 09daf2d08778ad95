// npm run bench:ui — the console in real Chromium through browser mode, with 100,000 comments in
// the Inbox: how long a `j` takes to paint the next comment's detail, and how long a routing key
// takes to be stored. Prints medians next to their goals (16 ms and 50 ms); asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { it } from 'vitest';
import { seedComments } from './seed-comments';
import { chromiumPath } from '../test/e2e/support/chromium';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 60);
const ROOT = path.resolve(__dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

it('console speed with 100,000 comments', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-ui-'));
  const dbPath = path.join(dir, 'bench.db');
  let started = performance.now();
  seedComments(dbPath, ITEMS);
  const seedSeconds = (performance.now() - started) / 1000;

  const server = spawn(process.execPath, [path.join(ROOT, 'bin', 'switchboard.cjs'), 'serve', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = (await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve))).replace('Switchboard console: ', '');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    started = performance.now();
    await page.goto(url);
    await page.getByRole('listbox', { name: 'Queue' }).getByRole('option').first().waitFor();
    const openSeconds = (performance.now() - started) / 1000;

    // In the page: from each key press to the first frame painted after the detail heading changed,
    // and from each routing key to the moment the service answered.
    await page.evaluate(() => {
      const w = window as unknown as { __paint: number[]; __route: number[]; __pressed: number };
      w.__paint = [];
      w.__route = [];
      const heading = () => document.querySelector('#item-detail h2')?.textContent ?? '';
      let last = heading();
      window.addEventListener('keydown', () => (w.__pressed = performance.now()), true);
      new MutationObserver(() => {
        const now = heading();
        if (now === last) return;
        last = now;
        const pressed = w.__pressed;
        requestAnimationFrame(() => w.__paint.push(performance.now() - pressed));
      }).observe(document.getElementById('item-detail')!, { subtree: true, childList: true, characterData: true });
      const fetch = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).includes('/api/call/items-route')) w.__route.push(performance.now() - w.__pressed);
        return response;
      };
    });

    for (let n = 0; n < PRESSES; n += 1) {
      await page.keyboard.press('j');
      await page.waitForFunction((count) => (window as unknown as { __paint: number[] }).__paint.length > count, n);
    }
    for (let n = 0; n < PRESSES / 2; n += 1) {
      await page.keyboard.press(n % 2 ? 'c' : 's');
      await page.waitForFunction((count) => (window as unknown as { __route: number[] }).__route.length > count, n);
    }
    const { paint, route } = await page.evaluate(() => {
      const w = window as unknown as { __paint: number[]; __route: number[] };
      return { paint: w.__paint, route: w.__route };
    });
    const lines = [
      `${ITEMS.toLocaleString('en')} comments in the Inbox (seeded in ${seedSeconds.toFixed(1)} s); console opened in ${openSeconds.toFixed(2)} s; Chromium, browser mode, ${os.cpus().length} cores`,
      `j to next comment painted:   median ${median(paint).toFixed(1).padStart(6)} ms  (goal: at most 16 ms; ${PRESSES} presses, worst ${Math.max(...paint).toFixed(1)} ms)`,
      `routing key stored:          median ${median(route).toFixed(1).padStart(6)} ms  (goal: at most 50 ms; ${route.length} presses, worst ${Math.max(...route).toFixed(1)} ms)`,
    ];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
