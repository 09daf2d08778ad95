// The rules operations through the service, on a real SQLite file: what a preview counts is what
// applying changes, one undo restores every comment, export and import round trip, a broken file
// imports nothing, and a pattern that would take forever is stopped while the console answers.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { createService, type Service } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { verifiedCopyOfFile } from '../../../db/open';
import type { RuleDraft } from '../../../common/contract/rules';
import { ensureBuilt } from '../../support/built-cli';
import { addFeed, addItem, addThread } from '../../support/seed';
import { tempDir } from '../../support/temp';

const NOW = Date.UTC(2026, 11, 1, 12);
const READ_WORKER = path.resolve(__dirname, '../../../out/main/read-worker.js');
const STUCK = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!';

let services: Service[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

/** A service on a new file with an outage thread: refund complaints, thanks, and two already routed. */
function desk(readsOffThread = false) {
  const file = path.join(tempDir(), 'switchboard.db');
  const db = openDatabase(file);
  const feedId = addFeed(db, 'Hostwise status blog');
  const threadId = addThread(db, 'Frankfurt outage');
  const say = (text: string, more: { author?: string; status?: 'routed'; route?: 'service' } = {}) => addItem(db, { feedId, threadId, text, ...more });
  const ids = {
    refunds: [say('I want a refund for this week'), say('Refund please, order 1142'), say('REFUND. Now.')],
    thanks: [say('Thanks for the quick fix!'), say('Worked for me after a restart')],
    routed: [say('Refund already asked for', { status: 'routed', route: 'service' })],
  };
  const service = createService({ db, dbPath: file, version: 'test', now: () => NOW, runner: inProcessRunner(), log: () => {}, readsOffThread, readWorker: READ_WORKER, copier: verifiedCopyOfFile });
  services.push(service);
  return { service, db, file, feedId, ids, say };
}

const refunds: RuleDraft = { name: 'Refunds', when: { words: ['refund'] }, then: { kind: 'route', route: 'service' } };

describe('a rule on the stored comments', () => {
  it('previews the Inbox comments it matches, newest first, and applying it routes exactly those', async () => {
    const { service, ids } = desk();
    const preview = await service.client['rules-preview']({ rule: refunds });
    expect(preview).toMatchObject({ count: 3, capped: false, timedOut: 0 });
    expect(preview.items.map((item) => item.id)).toEqual([...ids.refunds].reverse());

    const saved = await service.client['rules-save']({ rule: refunds });
    const applied = await service.client['rules-apply']({ id: saved.id });
    expect(applied).toMatchObject({ count: preview.count, byRoute: { service: 3, spotlight: 0, ignore: 0 }, snoozed: 0 });
    const inService = await service.client['items-list']({ view: 'service' });
    expect(inService.items.map((item) => item.id).sort()).toEqual([...ids.refunds, ...ids.routed].sort());
    // Nothing left for it in the Inbox.
    expect((await service.client['rules-preview']({ rule: refunds })).count).toBe(0);
  });

  it('is undone in one step, every comment back in the Inbox as it was', async () => {
    const { service, ids } = desk();
    const before = (await service.client['items-list']({ view: 'inbox' })).items;
    const saved = await service.client['rules-save']({ rule: { ...refunds, then: { kind: 'snooze', hours: 24 } } });
    const applied = await service.client['rules-apply']({ id: saved.id });
    expect(applied).toMatchObject({ count: 3, snoozed: 3 });
    expect((await service.client['items-list']({ view: 'snoozed' })).items).toHaveLength(3);

    const undone = await service.client['items-undo']({ auditIds: [applied.auditId!] });
    expect(undone.itemIds.sort()).toEqual([...ids.refunds].sort());
    expect((await service.client['items-list']({ view: 'inbox' })).items).toEqual(before);
  });

  it('a suggest rule routes nothing when applied: it counts its matches and asks for the Inbox to be scored again', async () => {
    const { service, db } = desk();
    const version = () => db.prepare('SELECT version FROM routing_rules_version').pluck().get();
    const saved = await service.client['rules-save']({ rule: { ...refunds, then: { kind: 'suggest', route: 'service', weight: 4 } } });
    const before = version();
    expect(await service.client['rules-apply']({ id: saved.id })).toEqual({ count: 3, byRoute: { service: 0, spotlight: 0, ignore: 0 }, snoozed: 0, auditId: null });
    expect(version()).not.toBe(before);
    expect((await service.client['items-list']({ view: 'inbox' })).items).toHaveLength(5);
  });

  it('keeps rules in order: moved, deleted, replaced in place', async () => {
    const { service } = desk();
    const a = await service.client['rules-save']({ rule: { ...refunds, name: 'A' } });
    const b = await service.client['rules-save']({ rule: { ...refunds, name: 'B' } });
    const c = await service.client['rules-save']({ rule: { ...refunds, name: 'C' } });
    const names = (rules: { name: string; position: number }[]) => rules.map((rule) => `${rule.position}:${rule.name}`);
    expect(names(await service.client['rules-move']({ id: c.id, position: 1 }))).toEqual(['1:C', '2:A', '3:B']);
    await service.client['rules-save']({ id: a.id, rule: { ...refunds, name: 'A2', enabled: false } });
    await service.client['rules-delete']({ id: b.id });
    const rules = await service.client['rules-list']();
    expect(names(rules)).toEqual(['1:C', '2:A2']);
    expect(rules[1]).toMatchObject({ enabled: false });
    await expect(service.client['rules-delete']({ id: b.id })).rejects.toThrow(`there is no rule with id ${b.id}`);
  });
});

describe('rules as a file', () => {
  const rules: RuleDraft[] = [
    refunds,
    { name: 'Spam links', enabled: false, when: { linkOrEmojiOnly: true, maxLength: 80 }, then: { kind: 'route', route: 'ignore' } },
    { name: 'Helpers', when: { pattern: 'worked for me|try (this|restarting)', thread: 'outage' }, then: { kind: 'suggest', route: 'spotlight', weight: 2 } },
  ];

  it('exports and imports them unchanged, after the current ones or in their place', async () => {
    const { service } = desk();
    for (const rule of rules) await service.client['rules-save']({ rule });
    const exported = await service.client['rules-export']();
    const other = desk().service;
    await other.client['rules-save']({ rule: { ...refunds, name: 'Already there' } });
    const added = await other.client['rules-import']({ file: JSON.parse(JSON.stringify(exported)) });
    expect(added.added).toBe(3);
    expect(added.rules.map((rule) => rule.name)).toEqual(['Already there', 'Refunds', 'Spam links', 'Helpers']);
    await other.client['rules-import']({ file: exported, replace: true });
    expect(await other.client['rules-export']()).toEqual(exported);
  });

  it.each([
    ['a bad pattern', { when: { pattern: '(refund' } }, "rule 2 'Broken': the regular expression `(refund` is not valid: missing )"],
    ['an unknown field', { when: { words: ['x'] }, unless: { words: ['y'] } }, 'rule 2 \'Broken\': it has a field Switchboard does not know: "unless"'],
    ['a wrong type', { when: { hasLink: 'yes' } }, "rule 2 'Broken': when.hasLink should be a boolean, not a string"],
  ])('refuses a file with %s, naming the rule and the problem, and imports nothing', async (_, broken, problem) => {
    const { service } = desk();
    await service.client['rules-save']({ rule: { ...refunds, name: 'Kept' } });
    const file = { switchboardRules: 1, rules: [refunds, { ...refunds, name: 'Broken', ...broken }] };
    await expect(service.client['rules-import']({ file, replace: true })).rejects.toThrow(`nothing was imported: ${problem}`);
    expect((await service.client['rules-list']()).map((rule) => rule.name)).toEqual(['Kept']);
  });
});

describe('a pattern that would take forever', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('is stopped by its limit on that comment: the preview returns, names how many it stopped on, and routing keys are answered meanwhile', async () => {
    const { service, say, ids } = desk(true);
    const stuck = [say(STUCK), say(`${STUCK} again`), say('aaaa')];
    const order: string[] = [];
    const preview = service.client['rules-preview']({ rule: { name: 'Screams', when: { pattern: '(a+)+$' }, then: { kind: 'route', route: 'ignore' } } }).then((result) => {
      order.push('preview');
      return result;
    });
    const route = service.client['items-route']({ ids: [ids.thanks[0]!], route: 'spotlight' }).then(() => order.push('route'));
    const [result] = await Promise.all([preview, route]);
    expect(order).toEqual(['route', 'preview']);
    expect(result.timedOut).toBe(2);
    expect(result.items.map((item) => item.id)).toEqual([stuck[2]]);
  });
});
