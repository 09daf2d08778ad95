// The suggestion commands of the real `switchboard` command (bin/switchboard.cjs) on a database
// file: items --json carries each comment's suggestion, suggest --text stores nothing, accept
// routes by id or above a confidence (what --dry-run says is what it then does), and the decisions
// are learned before the command exits.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import type { Route } from '../../../common/types';
import { writeSuggestion } from '../../../db/tables/suggestions';
import { ensureBuilt, runCli } from '../../support/built-cli';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

beforeAll(ensureBuilt, 120_000);

/** A database file whose Inbox comments carry these suggestions (null: not scored yet). */
function databaseWith(suggestions: ([Route | null, number] | null)[]): { file: string; ids: number[] } {
  const file = path.join(tempDir(), 'cli.db');
  const db = openDatabase(file);
  const feed = addFeed(db);
  const ids = suggestions.map((suggestion, n) => {
    const id = addItem(db, { feedId: feed, author: `Member ${n}`, text: `Comment number ${n}` });
    if (suggestion) writeSuggestion(db, id, { route: suggestion[0], confidence: suggestion[1], reasons: suggestion[0] ? [`reason ${n}`] : [] }, 1);
    return id;
  });
  db.close();
  return { file, ids };
}

/** What the file holds of comments, suggestions and learning. */
function contents(file: string): unknown {
  const db = openDatabase(file);
  try {
    return {
      items: db.prepare('SELECT id, status, route, suggested_lane, suggested_confidence, suggestion_reasons, scored_version FROM items ORDER BY id').all(),
      learned: db.prepare('SELECT item_id, route FROM learned_items ORDER BY item_id').all(),
      model: db.prepare('SELECT * FROM suggestion_model').get(),
      audit: db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
    };
  } finally {
    db.close();
  }
}

describe('switchboard suggestion commands', () => {
  it('items --json gives each comment its suggestion: route (null when none), confidence and reasons; null when not scored yet', () => {
    const { file, ids } = databaseWith([['service', 0.92], [null, 0.4], null]);
    const run = runCli(file, '--json', 'items');
    expect(run.stderr).toBe('');
    const items = JSON.parse(run.stdout) as { id: number; suggestion: unknown }[];
    expect(Object.fromEntries(items.map((item) => [item.id, item.suggestion]))).toEqual({
      [ids[0]!]: { route: 'service', confidence: 0.92, reasons: ['reason 0'] },
      [ids[1]!]: { route: null, confidence: 0.4, reasons: [] },
      [ids[2]!]: null,
    });
    expect(runCli(file, 'items').stdout).toMatch(/^\d+\s.*\sservice 92%\s+Member 0/m);
  });

  it('suggest --text prints the suggestion for a text and stores nothing', () => {
    const { file } = databaseWith([['service', 0.92]]);
    const before = contents(file);
    const json = runCli(file, '--json', 'suggest', '--text', 'The site has been down since this morning, when will it be back?');
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ route: expect.toBeOneOf(['service', 'spotlight', 'ignore', null]), confidence: expect.any(Number), reasons: expect.any(Array) });
    expect(runCli(file, 'suggest', '--text', 'Thanks!').stdout).toMatch(/^(No suggestion \(\d+% sure at most\)|(Customer service|The community spotlight|Ignored), \d+% sure).*\.\n$/);
    expect(contents(file)).toEqual(before);
  });

  it('accept routes comments to their suggested lanes as one action, says which it left, and has learned them when it exits', () => {
    const { file, ids } = databaseWith([['service', 0.92], ['spotlight', 0.7], [null, 0.4]]);
    const run = runCli(file, 'accept', ...ids.map(String));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Routed 2 comments: 1 to customer service and 1 to the community spotlight. Left 1 comment with no suggestion as it was (${ids[2]}). Undo with: switchboard undo\n`);
    expect(contents(file)).toMatchObject({
      items: [{ route: 'service' }, { route: 'spotlight' }, { route: null }],
      learned: [{ item_id: ids[0], route: 'service' }, { item_id: ids[1], route: 'spotlight' }],
      audit: { n: 1 },
    });
    runCli(file, 'undo');
    expect(contents(file)).toMatchObject({ items: [{ route: null }, { route: null }, { route: null }], learned: [] });
  });

  it('accept --above says with --dry-run what it then routes, per lane', () => {
    const { file } = databaseWith([['service', 0.95], ['ignore', 0.91], ['spotlight', 0.89], null]);
    const before = contents(file);
    expect(runCli(file, 'accept', '--above', '0.9', '--dry-run').stdout).toBe('Would route 2 comments: 1 to customer service and 1 ignored. Nothing was changed.\n');
    expect(contents(file)).toEqual(before);
    expect(runCli(file, 'accept', '--above', '90%').stdout).toBe('Routed 2 comments: 1 to customer service and 1 ignored. Undo with: switchboard undo\n');
    expect(contents(file)).toMatchObject({ items: [{ route: 'service' }, { route: 'ignore' }, { route: null }, { route: null }] });
    expect(runCli(file, 'accept', '--above', '0.9').stdout).toBe('No Inbox comment has a suggestion at or above 90%.\n');
  });

  it.each([
    [[], 'switchboard: Give the comments to accept (their ids) or --above a confidence, one or the other.'],
    [['--above', '95'], 'switchboard: --above must be a confidence from 0 to 1 (like 0.9) or a percentage (like 90%), not "95".'],
    [['3', '--dry-run'], "switchboard: --dry-run goes with --above; to see a comment's suggestion, run: switchboard items --json."],
  ])('accept %j fails with one plain line and exit code 1', (args, line) => {
    const { file } = databaseWith([['service', 0.95]]);
    const run = runCli(file, 'accept', ...args);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: `${line}\n` });
  });
});
