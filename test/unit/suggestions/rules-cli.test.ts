// `switchboard rules list|add|test|apply|export|import` end to end: the built command on a real file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { ensureBuilt, runCli } from '../../support/built-cli';
import { addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

beforeAll(ensureBuilt, 120_000);

/** A database file with four Inbox comments, two of them asking for a refund. */
function inbox(): string {
  const file = path.join(tempDir(), 'rules.db');
  const db = openDatabase(file);
  const feedId = addFeed(db, 'Hostwise status blog');
  for (const text of ['Where is my refund?', 'Thanks, that fixed it', 'Refund me now', 'The site is down again']) addItem(db, { feedId, text });
  db.close();
  return file;
}

function ok(db: string, ...args: string[]): string {
  const run = runCli(db, ...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

describe('switchboard rules', () => {
  it('adds rules by flags and as JSON, lists them in order, tests one without saving and applies one as one undoable action', () => {
    const db = inbox();
    expect(ok(db, 'rules', 'list')).toMatch(/^No rules yet/);
    expect(ok(db, 'rules', 'add', '--name', 'Refunds', '--words', 'refund,chargeback', '--route', 'service')).toMatch(/^Added rule 1 'Refunds' \(tried first\): says "refund" or "chargeback" → route to customer service/);
    ok(db, 'rules', 'add', '{"name":"Short","when":{"maxLength":12},"then":{"kind":"suggest","route":"ignore","weight":1}}');
    expect(ok(db, 'rules', 'list')).toBe(
      [
        '#  ID  NAME     ON  WHEN                           THEN',
        '1  1   Refunds  on  says "refund" or "chargeback"  route to customer service',
        '2  2   Short    on  at most 12 characters          suggest ignoring (weight 1)',
        '',
      ].join('\n'),
    );

    const tested = ok(db, 'rules', 'test', '--words', 'refund');
    expect(tested).toMatch(/^Would match 2 comments in the Inbox\.\n/);
    expect(tested).toContain('Refund me now');
    expect(ok(db, 'rules', 'list').split('\n')).toHaveLength(4);

    expect(ok(db, 'rules', 'apply', '1')).toBe("Routed 2 comments to customer service by rule 'Refunds'. Undo with: switchboard undo\n");
    expect(ok(db, 'rules', 'test', '--words', 'refund')).toBe('Would match 0 comments in the Inbox.\n');
    expect(ok(db, 'undo')).toBe('Undid route of 2 comments.\n');
    expect(ok(db, 'rules', 'test', '--words', 'refund')).toMatch(/^Would match 2 comments/);
  });

  it('exports to stdout or a file and imports it into another database; a broken file is refused whole', () => {
    const db = inbox();
    ok(db, 'rules', 'add', '--name', 'Refunds', '--words', 'refund', '--suggest', 'service', '--weight', '4');
    ok(db, 'rules', 'add', '--name', 'Spam', '--link-only', '--ignore');
    const exported = JSON.parse(ok(db, 'rules', 'export'));
    const file = path.join(tempDir(), 'rules.json');
    expect(ok(db, 'rules', 'export', file)).toBe(`Wrote 2 rules to ${file}.\n`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(exported);

    const other = inbox();
    expect(ok(other, 'rules', 'import', file)).toBe('Imported 2 rules; there are 2 rules now.\n');
    expect(JSON.parse(ok(other, 'rules', 'export'))).toEqual(exported);

    const broken = path.join(tempDir(), 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ switchboardRules: 1, rules: [exported.rules[0], { ...exported.rules[1], when: { pattern: '[a-' } }] }));
    const refused = runCli(other, 'rules', 'import', broken, '--replace');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe("switchboard: Nothing was imported: rule 2 'Spam': the regular expression `[a-` is not valid: missing ].\n");
    expect(JSON.parse(ok(other, 'rules', 'export'))).toEqual(exported);
  });

  it('says a pattern that takes too long was stopped, and still answers', () => {
    const db = inbox();
    const stuck = openDatabase(db);
    addItem(stuck, { feedId: 1, text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' });
    stuck.close();
    expect(ok(db, 'rules', 'test', '--pattern', '^(a+)+$')).toBe(
      'Would match 0 comments in the Inbox.\nThe pattern took over 25 ms on 1 comment and was stopped: that comment does not match. Rewrite it without a repeat inside a repeat, like (a+)+.\n',
    );
  });

  it.each([
    [['rules', 'add', '--name', 'Refunds', '--pattern', '(refund', '--route', 'service'], "switchboard: Rule 'Refunds': the regular expression `(refund` is not valid: missing ).\n"],
    [['rules', 'add', '--name', 'Refunds', '--words', 'refund'], 'switchboard: Say what the rule does: --suggest LANE [--weight 1-5], --route LANE, --ignore or --snooze-hours H.\n'],
    [['rules', 'add', '--words', 'refund', '--ignore'], 'switchboard: Give the rule a name: --name NAME.\n'],
    [['rules', 'add', '--name', 'X', '--route', 'support', '--words', 'x'], 'switchboard: --route must be service, spotlight or ignore, not "support".\n'],
    [['rules', 'apply', '9'], 'switchboard: There is no rule with id 9; "switchboard rules list" shows them.\n'],
  ])('refuses %j in one plain sentence', (args, line) => {
    const run = runCli(inbox(), ...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(line);
  });
});
