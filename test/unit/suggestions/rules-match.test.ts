// Each condition a routing rule may set, with a comment it matches and one it does not; the order
// rules are tried in (the first acting rule wins, suggest votes add); and the pattern's time limit.
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { saveRule } from '../../../db/tables/routing-rules';
import { ruleDraft, PATTERN_GIVE_UP_AFTER, type RuleDraft } from '../../../common/contract/rules';
import { CompiledRule } from '../../../main/features/suggestions/rules/compile';
import { loadActiveRules, type RuleSubject } from '../../../main/features/suggestions/rules/for-ingest';
import { TimedPattern } from '../../../main/features/suggestions/rules/timed-pattern';
import { languageOf } from '../../../main/features/suggestions/engine';
import { tempDir } from '../../support/temp';

const comment = (text: string, more: Partial<RuleSubject> = {}): RuleSubject => ({ text, author: 'Priya', feedId: 1, threadTitle: 'Frankfurt outage', ...more });
const rule = (when: RuleDraft['when'], then: RuleDraft['then'] = { kind: 'route', route: 'service' }, name = 'Test') => ruleDraft.parse({ name, when, then });
const matches = (when: RuleDraft['when'], subject: RuleSubject) => new CompiledRule(rule(when)).matches(subject);

const CATASTROPHIC = '^(a+)+$';
const STUCK = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!';

describe('a rule condition', () => {
  it.each<[string, RuleDraft['when'], RuleSubject, RuleSubject]>([
    ['a word, whole and in any case', { words: ['refund'] }, comment('Where is my REFUND?'), comment('I was refunded already')],
    ['a phrase, across spaces and a line break', { words: ['nobody answers'] }, comment('I wrote twice and nobody\n  answers'), comment('nobody ever answers')],
    ['any of several words', { words: ['chargeback', 'refund'] }, comment('Filing a chargeback today'), comment('Thanks for the update')],
    ['a pattern, ignoring case', { pattern: 'order #?\\d{4}' }, comment('My ORDER #1142 is late'), comment('My order is late')],
    ['the author, exactly, in any case', { author: 'priya' }, comment('hi', { author: 'Priya' }), comment('hi', { author: 'Priyanka' })],
    ['the feed', { feedId: 2 }, comment('hi', { feedId: 2 }), comment('hi', { feedId: 3 })],
    ['words of the thread title', { thread: 'outage' }, comment('hi', { threadTitle: 'The Frankfurt OUTAGE, day 2' }), comment('hi', { threadTitle: 'Outages we had' })],
    ['a link in the text', { hasLink: true }, comment('See https://example.com/guide'), comment('See the guide')],
    ['a link in the HTML only', { hasLink: true }, comment('the guide', { html: '<p><a href="https://example.com/guide">the guide</a></p>' }), comment('the guide', { html: '<p>the guide</p>' })],
    ['no link', { hasLink: false }, comment('See the guide'), comment('See www.example.com')],
    ['link or emoji only', { linkOrEmojiOnly: true }, comment('buy now', { html: '<a href="http://spam.example">buy now</a> 🔥🔥' }), comment('Great fix, thanks https://example.com')],
    ['emoji only', { linkOrEmojiOnly: true }, comment('👍🏽 🎉'), comment('👍 thanks')],
    ['at least this long, an emoji counting one', { minLength: 5 }, comment('ok 👍 !'), comment('ok 👍')],
    ['at most this long', { maxLength: 10 }, comment('short one'), comment('this one is longer than ten')],
  ])('%s: matches one comment and not the other', (_, when, yes, no) => {
    expect(matches(when, yes)).toBe(true);
    expect(matches(when, no)).toBe(false);
  });

  it('needs every condition given', () => {
    expect(matches({ words: ['refund'], author: 'Priya' }, comment('refund please'))).toBe(true);
    expect(matches({ words: ['refund'], author: 'Marcus' }, comment('refund please'))).toBe(false);
  });

  const german = 'Seit gestern Abend kann ich mich nicht mehr anmelden, und niemand antwortet auf meine Nachrichten. Wann ist die Seite wieder erreichbar?';
  const english = 'Since last night I cannot log in any more, and nobody answers my messages. When will the site be back up again?';
  // languageOf is the engine's (main/features/suggestions/engine): until it tells languages apart it says "und" for every text.
  it.skipIf(languageOf(german) === 'und')('the language, and "other" for any but English', () => {
    expect(matches({ language: 'de' }, comment(german))).toBe(true);
    expect(matches({ language: 'de' }, comment(english))).toBe(false);
    expect(matches({ language: 'other' }, comment(german))).toBe(true);
    expect(matches({ language: 'other' }, comment(english))).toBe(false);
  });

  it('a language never matches a text whose language cannot be told', () => {
    expect(matches({ language: 'en' }, comment('ok'))).toBe(languageOf('ok') === 'en');
    expect(matches({ language: 'other' }, comment('ok'))).toBe(languageOf('ok') !== 'und' && languageOf('ok') !== 'en');
  });
});

describe('a pattern that would take forever', () => {
  it('is stopped on that comment, which does not match, and the others are still tested', () => {
    const pattern = new TimedPattern(CATASTROPHIC);
    expect(pattern.testMany(['aaaa', STUCK, 'a', 'b'])).toEqual([true, 'timed-out', true, false]);
    expect(pattern.stops).toBe(1);
  });

  it(`is not run again after ${PATTERN_GIVE_UP_AFTER} stops, every later comment counting as stopped`, () => {
    const pattern = new TimedPattern(CATASTROPHIC);
    const results = pattern.testMany([...Array.from({ length: PATTERN_GIVE_UP_AFTER }, () => STUCK), 'aaa', 'b']);
    expect(results.filter((result) => result === 'timed-out')).toHaveLength(PATTERN_GIVE_UP_AFTER + 2);
  });

  it('makes its rule not match at ingest', () => {
    expect(matches({ pattern: CATASTROPHIC }, comment(STUCK))).toBe(false);
    expect(matches({ pattern: CATASTROPHIC }, comment('aaaa'))).toBe(true);
  });
});

describe('rules in order, as the ingest step loads them', () => {
  const file = () => openDatabase(path.join(tempDir(), 'rules.db'));

  it('the first matching rule that acts wins; every matching suggest rule votes; disabled rules do nothing', () => {
    const db = file();
    saveRule(db, rule({ words: ['refund'] }, { kind: 'suggest', route: 'service', weight: 2 }, 'Refunds lean service'), 0);
    saveRule(db, ruleDraft.parse({ name: 'Switched off', enabled: false, when: { words: ['refund'] }, then: { kind: 'route', route: 'ignore' } }), 0);
    saveRule(db, rule({ words: ['refund'] }, { kind: 'snooze', hours: 4 }, 'Refunds wait'), 0);
    saveRule(db, rule({ author: 'Priya' }, { kind: 'route', route: 'spotlight' }, 'Priya helps'), 0);
    saveRule(db, rule({ words: ['please'] }, { kind: 'suggest', route: 'service', weight: 5 }, 'Please'), 0);
    const active = loadActiveRules(db);
    const subject = comment('refund please');
    expect(active.action(subject)).toMatchObject({ name: 'Refunds wait', action: { kind: 'snooze', hours: 4 } });
    expect(active.action(comment('hello'))).toMatchObject({ name: 'Priya helps', action: { kind: 'route', route: 'spotlight' } });
    expect(active.action(comment('hello', { author: 'Marcus' }))).toBeNull();
    expect(active.votes(subject)).toEqual([
      { route: 'service', weight: expect.closeTo(1.6), reason: "your rule 'Refunds lean service'" },
      { route: 'service', weight: expect.closeTo(4), reason: "your rule 'Please'" },
    ]);
  });

  it('prepared for a batch, tests each pattern on the whole batch in one run and answers the same', () => {
    const db = file();
    saveRule(db, rule({ pattern: 'order #?\\d{4}' }, { kind: 'suggest', route: 'service', weight: 3 }, 'Orders'), 0);
    saveRule(db, rule({ pattern: 'refund', author: 'Priya' }, { kind: 'route', route: 'service' }, 'Priya refunds'), 0);
    const batch = Array.from({ length: 40 }, (_, n) => comment(n % 3 === 0 ? `Order #${1000 + n} refund` : `Hello ${n}`, { author: n % 2 ? 'Priya' : 'Marcus' }));
    const answers = (active: ReturnType<typeof loadActiveRules>) => batch.map((subject) => ({ votes: active.votes(subject), action: active.action(subject) }));
    const unprepared = answers(loadActiveRules(db));
    saveRule(db, rule({ words: ['never'] }, { kind: 'suggest', route: 'ignore', weight: 1 }, 'A change, so the rules load afresh'), 0);
    const active = loadActiveRules(db);
    const runs = vi.spyOn(vm.Script.prototype, 'runInContext');
    try {
      active.prepare!(batch);
      expect(runs).toHaveBeenCalledTimes(2);
      expect(answers(active)).toEqual(unprepared);
      expect(runs).toHaveBeenCalledTimes(2);
    } finally {
      runs.mockRestore();
    }
    expect(unprepared.filter((answer) => answer.action !== null)).toHaveLength(7);
  });

  it('sees a rule saved after it was loaded', () => {
    const db = file();
    expect(loadActiveRules(db).action(comment('refund'))).toBeNull();
    saveRule(db, rule({ words: ['refund'] }), 0);
    expect(loadActiveRules(db).action(comment('refund'))).toMatchObject({ action: { kind: 'route', route: 'service' } });
  });
});
