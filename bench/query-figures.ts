// The queue's reads at the service layer on the 1M database: every view's first page in each sort,
// each filter, a page 50 pages deep, a comment and its context, and search (a common word, a
// prefix, a rare word; with and without filters), as the console and the CLI ask for them.
import type { SwitchboardApi as Client } from '../common/contract';
import { VIEW_NAMES, type ItemPage, type PageCursor } from '../common/types';
import { sortOrder } from '../common/contract/shared';
import { BIG, BIG_NOW, WORDS } from './big-db';
import { line, time, timeGoal, type Goal, type Timing } from './figures';

const DAY = 86_400_000;
const LIMIT = 100;
const DEEP = 50;

type ListInput = Parameters<Client['items-list']>[0];

interface Measured {
  name: string;
  timing: Timing;
}

/** The worst of several figures (by the statistic the goal is about). */
function worst(figures: Measured[], of: 'median' | 'p95'): Measured {
  return figures.reduce((a, b) => (b.timing[of] > a.timing[of] ? b : a));
}

export async function queryFigures(client: Client, print: (text: string) => void): Promise<Goal[]> {
  const goals: Goal[] = [];
  const measure = async (name: string, run: (index: number) => unknown): Promise<Measured> => {
    const timing = await time(run);
    print(line(name, timing));
    return { name, timing };
  };
  const list = (input: ListInput) => client['items-list']({ limit: LIMIT, ...input });
  const monthAYearAgo = { from: new Date(BIG_NOW - 365 * DAY).toISOString(), to: new Date(BIG_NOW - 335 * DAY).toISOString() };
  const filters: [string, Partial<ListInput>][] = [
    ['', {}],
    [' feed', { feedId: 1 }],
    [' route=service', { route: 'service' }],
    [' route=ignore', { route: 'ignore' }],
    [' status=new', { status: 'new' }],
    [' dates (a month a year ago)', monthAYearAgo],
    [' feed+route+dates', { feedId: 1, route: 'spotlight', ...monthAYearAgo }],
  ];

  // The Inbox by suggested lane (issue 14; the filter is the Inbox's only).
  const suggestedFilters: [string, Partial<ListInput>][] = [
    [' suggested=service', { suggested: 'service' }],
    [' suggested=none', { suggested: 'none' }],
    [' suggested=spotlight+feed', { suggested: 'spotlight', feedId: 1 }],
  ];

  print('\nitems-list, first page of 100');
  const firstPages: Measured[] = [];
  for (const view of VIEW_NAMES) {
    for (const sort of sortOrder.options) {
      for (const [label, filter] of view === 'inbox' ? [...filters, ...suggestedFilters] : filters) firstPages.push(await measure(`  ${view} ${sort}${label}`, () => list({ view, sort, ...filter })));
    }
  }
  const first = worst(firstPages, 'median');
  goals.push(timeGoal('items-list first page, slowest view/filter/sort', first.timing, 3, 'median'));
  print(line(`  slowest:${first.name}`, first.timing, goals.at(-1)));

  print(`\nitems-list, page ${DEEP + 1} (keyset cursor after ${DEEP} pages)`);
  const deepPages: Measured[] = [];
  for (const view of VIEW_NAMES) {
    for (const sort of sortOrder.options) {
      let cursor: PageCursor | null = null;
      for (let page = 0; page < DEEP; page += 1) {
        const answer: ItemPage = await list({ view, sort, ...(cursor ? { cursor } : {}) });
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      if (!cursor) continue; // the view holds fewer than 50 pages
      const at = cursor;
      deepPages.push(await measure(`  ${view} ${sort}`, () => list({ view, sort, cursor: at })));
    }
  }
  const deep = worst(deepPages, 'median');
  goals.push(timeGoal(`items-list ${DEEP} pages deep, slowest view/sort`, deep.timing, 3, 'median'));
  print(line(`  slowest:${deep.name}`, deep.timing, goals.at(-1)));

  print('\none comment');
  const ids = Array.from({ length: 50 }, (_, n) => 1 + Math.floor(((n * 7919) % BIG.comments) + 0.5));
  await measure('  item-get', (n) => client['item-get']({ id: ids[Math.max(0, n) % ids.length]! }));
  await measure('  item-context (its thread, its author history)', (n) => client['item-context']({ id: ids[Math.max(0, n) % ids.length]! }));

  print('\nsearch, first page of 100 (the last word is a prefix, as typed)');
  const searches: Record<'common' | 'prefix' | 'rare', Measured[]> = { common: [], prefix: [], rare: [] };
  const searchFilters: [string, Partial<ListInput>][] = [
    [' in All', { view: 'all' }],
    [' in the Inbox', { view: 'inbox' }],
    [' oldest first', { view: 'all', sort: 'oldest' }],
    [' + feed', { view: 'all', feedId: 1 }],
    [' + route=service', { view: 'all', route: 'service' }],
    [' + dates', { view: 'all', ...monthAYearAgo }],
    [' + feed+route+dates', { view: 'all', feedId: 1, route: 'ignore', ...monthAYearAgo }],
  ];
  for (const [kind, word] of [['common', WORDS.common], ['prefix', WORDS.prefix], ['rare', WORDS.rare]] as const) {
    for (const [label, filter] of searchFilters) searches[kind].push(await measure(`  "${word}"${kind === 'prefix' ? '*' : ''}${label}`, () => list({ search: word, ...filter })));
  }
  // Best match first ranks every match (no goal: the issue allows it to be slower).
  await measure(`  "${WORDS.common}" best match first (relevance, no goal)`, () => list({ search: WORDS.common, view: 'all', sort: 'relevance' }));
  const unfiltered = (kind: keyof typeof searches) => searches[kind][0]!;
  goals.push(timeGoal(`search a common word ("${WORDS.common}"), first page`, unfiltered('common').timing, 25, 'p95'));
  goals.push(timeGoal(`search a prefix (${WORDS.prefix}*), first page`, unfiltered('prefix').timing, 25, 'p95'));
  goals.push(timeGoal(`search a rare word ("${WORDS.rare}"), first page`, unfiltered('rare').timing, 5, 'p95'));
  const filtered = worst([...searches.common.slice(1), ...searches.prefix.slice(1)], 'p95');
  goals.push(timeGoal('search with filters, slowest combination', filtered.timing, 25, 'p95'));
  for (const goal of goals.slice(-4)) print(`  ${goal.name}: ${goal.value} ${goal.unit}, goal ${goal.goal}: ${goal.pass ? 'pass' : 'FAIL'}`);
  print(`  slowest with filters:${filtered.name}`);

  print('\nitems-query (the CLI\'s `items`), 100 comments with their text');
  await measure('  items --limit 100', () => client['items-query']({ limit: 100 }));
  await measure(`  items --search ${WORDS.common} --limit 100`, () => client['items-query']({ search: WORDS.common, limit: 100 }));
  return goals;
}
