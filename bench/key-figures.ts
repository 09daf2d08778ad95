// The queue's reads and every key a moderator presses, as the console sends them through
// `switchboard serve`'s HTTP bridge on the 1M database (issue 12: pages and searches held to the
// goals they have at the service layer; a routing key and its undo at most 15 ms a round trip, the
// other keys held to the same). Each routes, snoozes, finishes or recognises a different Inbox
// comment, naming the next one as the console does, so the answer carries it in full.
import type { ConsoleProcess } from '../test/support/console-process';
import { line, time, timeGoal, timingOf, type Goal, type Timing } from './figures';
import { WORDS } from './big-db';

const DAY = 86_400_000;
const KEY_MS = 15;

/** `ids`: Inbox comments this may act on (each key takes its own, from the end of the list). */
export async function keyFigures(app: ConsoleProcess, ids: number[], print: (text: string) => void): Promise<Goal[]> {
  const take = () => {
    const id = ids.pop();
    if (id === undefined) throw new Error('bench: ran out of Inbox comments to act on');
    return id;
  };
  const next = () => ids.at(-1);
  const until = new Date(Date.now() + 3 * DAY).toISOString();
  const keys: [string, () => Promise<unknown>][] = [
    ['items-route (s, c or i)', () => app.call('items-route', { ids: [take()], route: 'service', next: next() })],
    ['items-undo (z)', async () => {
      await app.call('items-route', { ids: [take()], route: 'ignore' });
      const started = performance.now();
      await app.call('items-undo', {});
      return performance.now() - started;
    }],
    ['items-snooze (b)', () => app.call('items-snooze', { ids: [take()], until, next: next() })],
    ['items-done (e)', () => app.call('items-done', { ids: [take()], next: next() })],
    ['spotlight-act feature (f)', () => app.call('spotlight-act', { id: take(), action: 'feature' })],
    ['item-get (j, k)', () => app.call('item-get', { id: next() })],
    ['item-context (the thread and author beside it)', () => app.call('item-context', { id: next() })],
    ['draft-save (typing a reply)', () => app.call('draft-save', { itemId: next(), body: 'Thanks for the report; we are on it.' })],
    ['views-counts (the sidebar, after each key)', () => app.call('views-counts', {})],
    ['member-of-author (the author beside a comment)', async () => app.call('member-of-author', { author: ((await app.call('item-get', { id: next() })) as { author: string }).author })],
  ];
  print('\nreads through the HTTP bridge, round trip (the same goals as at the service layer)');
  const goals: Goal[] = [];
  const reads: [string, unknown, number, 'median' | 'p95'][] = [
    ['items-list, the Inbox\'s first page of 100', { view: 'inbox', limit: 100 }, 3, 'median'],
    ['items-list, All oldest first, feed + route filters', { view: 'all', sort: 'oldest', feedId: 1, route: 'ignore', limit: 100 }, 3, 'median'],
    [`search "${WORDS.common}", first page`, { view: 'all', search: WORDS.common, limit: 100 }, 25, 'p95'],
    [`search "${WORDS.prefix}*", first page`, { view: 'all', search: WORDS.prefix, limit: 100 }, 25, 'p95'],
    [`search "${WORDS.rare}", first page`, { view: 'all', search: WORDS.rare, limit: 100 }, 5, 'p95'],
  ];
  for (const [name, input, limitMs, of] of reads) {
    const timing = await time(() => app.call('items-list', input), 40, 2_000);
    goals.push(timeGoal(`${name}, through the bridge`, timing, limitMs, of));
    print(line(`  ${name}`, timing, goals.at(-1)));
  }

  print('\nkeys through the HTTP bridge, round trip (nothing else running)');
  for (const [name, press] of keys) {
    // items-undo times only the undo: its press answers with that time.
    const timing: Timing = name.startsWith('items-undo') ? await timeReported(press as () => Promise<number>) : await time(press, 30, 2_000);
    goals.push(timeGoal(name, timing, KEY_MS, 'median'));
    print(line(`  ${name}`, timing, goals.at(-1)));
  }
  return goals;
}

/** Like time(), for a press that measures itself (its set-up is not the key's). */
async function timeReported(press: () => Promise<number>, runs = 30): Promise<Timing> {
  await press();
  const took: number[] = [];
  for (let n = 0; n < runs; n += 1) took.push(await press());
  return timingOf(took);
}
