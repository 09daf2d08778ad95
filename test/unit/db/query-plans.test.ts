// The query-plan guard (issue 12): every page the console and the CLI can ask for (each view,
// sort and combination of filters, with and without search words and a cursor) is read through
// an index in the order it is shown. A full scan of the comments, or sorting them in a temporary
// b-tree, costs nothing at a hundred comments and seconds at a million; the plan says so at any
// size, because SQLite plans without statistics the same way whatever a table holds.
//
// The combinations come from the operations' own input schemas (common/contract/queue.ts): a
// filter added there is covered here, or this test asks for a sample value of it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../common/contract';
import { openDatabase } from '../../../db/connection';
import { backInInboxQuery, itemsQuery, matchingIdsQuery, viewQuery } from '../../../db/tables/items';
import { MOST_IN_ONE_ACTION } from '../../../common/contract/shared';
import { WAKE_DUE_SQL } from '../../../db/tables/snoozes';
import { addFeed, addItem, addThread, memoryService } from '../../support/seed';
import { VIEW_RULES } from '../../../common/views';
import type { ViewName } from '../../../common/types';

/** A value for each optional input; the plan does not depend on it (parameters are bound later). */
const SAMPLES: Record<string, unknown> = {
  feedId: 1,
  route: 'service',
  status: 'new',
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-02-01T00:00:00.000Z',
  search: 'support we',
  suggested: 'spotlight',
  // A page of the Inbox by suggestion ends on a lane and confidence too; other sorts ignore them.
  cursor: { publishedAt: '2026-01-15T00:00:00.000Z', id: 500, lane: 1, confidence: 0.75 },
};

/** Every input an operation accepts, up to the values of its optional fields. */
function inputsOf(schema: z.ZodObject): Record<string, unknown>[] {
  let inputs: Record<string, unknown>[] = [{}];
  for (const [key, field] of Object.entries(schema.shape)) {
    if (field instanceof z.ZodDefault) {
      // A choice with a default (view, sort): each choice; anything else (limit) keeps its default.
      const inner = field.unwrap();
      if (inner instanceof z.ZodEnum) inputs = inputs.flatMap((input) => inner.options.map((option) => ({ ...input, [key]: option })));
    } else if (field instanceof z.ZodOptional) {
      if (!(key in SAMPLES)) throw new Error(`the query-plan guard has no sample value for the new filter "${key}": add one to SAMPLES`);
      inputs = inputs.flatMap((input) => [input, { ...input, [key]: SAMPLES[key] }]);
    } else {
      throw new Error(`the query-plan guard does not know how to vary the input "${key}": add it to inputsOf`);
    }
  }
  // Combinations the schema refuses (the suggested filter outside the Inbox) are not pages anyone gets.
  return inputs.flatMap((input) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [parsed.data as Record<string, unknown>] : [];
  });
}


/** The columns a page asks to be equal to one value: its view's (common/views.ts) and its filters'. */
function equalities(input: Record<string, unknown>): Set<string> {
  const columns = new Set<string>();
  const rule = input.view === undefined ? {} : VIEW_RULES[input.view as ViewName];
  if (rule.status !== undefined || input.status !== undefined) columns.add('status');
  if (rule.route !== undefined || input.route !== undefined) columns.add('route');
  if (input.feedId !== undefined) columns.add('feed_id');
  if (input.suggested !== undefined) columns.add('suggested_lane');
  return columns;
}

/** What is wrong with a page's plan, if anything. */
function faults(plan: string[], input: Record<string, unknown>): string[] {
  const found = plan.flatMap((step) => {
    if (/^SCAN (i|items)$/.test(step)) return [`reads every comment (${step}): add an index for this view, filter and sort`];
    if (/TEMP B-TREE FOR .*ORDER BY/.test(step)) return [`sorts its rows after reading them (${step}): no index gives them in the order shown`];
    // A search reads its matches in the search index's order and stops at the page's end; a list
    // of every match (a common word is in every tenth comment) is built in full first.
    if (/LIST SUBQUERY/.test(step)) return [`builds a list of every match before the first row (${step}): lead with the search index`];
    return [];
  });
  // Without search words, the index a page walks holds every column the page wants equal to one
  // value: one that lacks the feed walks every feed's comments of the view to find one feed's.
  const walk = plan.find((step) => /^(SEARCH|SCAN) i USING/.test(step));
  if (input.search === undefined && walk) {
    // One suggested lane is a range of the suggestion sort's key (db/tables/items.ts): as good as its equality.
    const holds = (column: string) => new RegExp(`\\b${column}=\\?`).test(walk) || (column === 'suggested_lane' && /\bsuggestion_key>/.test(walk));
    const missing = [...equalities(input)].filter((column) => !holds(column));
    if (missing.length) found.push(`walks an index without ${missing.join(', ')} and checks each row (${walk}): add an index that starts with them`);
  }
  return found;
}

describe('the query-plan guard', () => {
  const operations = {
    'items-list': (input: Record<string, unknown>) => viewQuery(input as unknown as Parameters<typeof viewQuery>[0]),
    'items-query': (input: Record<string, unknown>) => itemsQuery(input as unknown as Parameters<typeof itemsQuery>[0]),
    'items-matching-ids': (input: Record<string, unknown>) => matchingIdsQuery(input as unknown as Parameters<typeof matchingIdsQuery>[0], MOST_IN_ONE_ACTION),
  } as const;

  for (const [name, query] of Object.entries(operations)) {
    it(`reads every page ${name} can ask for through an index, in the order shown`, () => {
      const inputs = inputsOf(contract[name as keyof typeof operations].input as unknown as z.ZodObject);
      expect(inputs.length).toBeGreaterThan(name === 'items-query' ? 8 : 7 * 2 * 64);
      const wrong: string[] = [];
      const db = openDatabase(':memory:');
      for (const input of inputs) {
        const page = query(input);
        if (!page) throw new Error(`${name} ${JSON.stringify(input)} gave no query`);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(page.params) as { detail: string }[]).map((step) => step.detail);
        const problems = faults(plan, input);
        if (problems.length) wrong.push(`${name} ${JSON.stringify(input)}: ${problems.join('; ')}`);
      }
      db.close();
      expect(wrong.slice(0, 10), `${wrong.length} of ${inputs.length} pages`).toEqual([]);
    });
  }

  it('reads the Inbox\'s comments back from a snooze, which lead its first pages, through their own index, in the order shown', () => {
    const inputs = inputsOf(contract['items-list'].input as unknown as z.ZodObject).filter((input) => input.view === 'inbox' && input.search === undefined);
    expect(inputs.length).toBeGreaterThan(64);
    const db = openDatabase(':memory:');
    const wrong: string[] = [];
    for (const input of inputs) {
      const query = backInInboxQuery(input as unknown as Parameters<typeof backInInboxQuery>[0]);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params) as { detail: string }[]).map((step) => step.detail);
      // Its partial index holds only those comments, so walking it past other feeds' is cheap: no rule on the filters' columns.
      const faults = plan.filter((step) => /^SCAN (i|items)$/.test(step) || /TEMP B-TREE FOR .*ORDER BY/.test(step));
      if (faults.length || !plan.some((step) => step.includes('items_back_in_inbox'))) wrong.push(`${JSON.stringify(input)}: ${plan.join('; ')}`);
    }
    db.close();
    expect(wrong.slice(0, 5), `${wrong.length} of ${inputs.length}`).toEqual([]);
  });

  it('wakes due snoozes, which every read does first, by seeking them in time order', () => {
    const db = openDatabase(':memory:');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${WAKE_DUE_SQL}`).all(Date.now()) as { detail: string }[]).map((step) => step.detail);
    db.close();
    // Not every snoozed comment (items_by_status): only the ones whose time has come.
    expect(plan).toEqual([expect.stringMatching(/USING (COVERING )?INDEX items_snoozed_until \(status=\? AND snoozed_until<\?\)/)]);
  });

  it('answers the calls of a keystroke (list, open, route with the next comment) without reading a whole table', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feed = addFeed(db, 'Blog');
    const thread = addThread(db, 'Outage');
    const first = addItem(db, { feedId: feed, threadId: thread, author: 'Priya', text: 'I want a refund' });
    const next = addItem(db, { feedId: feed, threadId: thread, author: 'Lee', text: 'Me too' });
    // Every statement these calls compile (each is compiled on its first use on a connection).
    const compiled = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      compiled.add(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    await service.client['items-list']({ view: 'inbox' });
    await service.client['item-get']({ id: first });
    await service.client['item-context']({ id: first });
    await service.client['items-route']({ ids: [first], route: 'service', next });
    db.prepare = prepare;
    const wrong: string[] = [];
    for (const sql of compiled) {
      if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(sql)) continue;
      // Plans do not depend on the values: each parameter is bound to null.
      const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1]!))];
      const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const plan = (named.length ? explain.all(Object.fromEntries(named.map((name) => [name, null]))) : explain.all(...Array<null>((sql.match(/\?/g) ?? []).length).fill(null))) as { detail: string }[];
      const scans = plan.map((step) => step.detail).filter((detail) => /^SCAN \w+$/.test(detail));
      if (scans.length) wrong.push(`${scans.join(', ')}: ${sql.replace(/\s+/g, ' ')}`);
    }
    expect(compiled.size).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});
