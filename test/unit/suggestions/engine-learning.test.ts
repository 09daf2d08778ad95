// Learning from the moderator's decisions: a decision changes a similar comment's suggestion,
// and its undo restores the counts and the suggestion exactly.
import { describe, expect, it } from 'vitest';
import { suggest, featuresOf, learn, emptyCounts, type LearnedCounts } from '../../../main/features/suggestions/engine';
import { comment } from './engine-helpers';
import { learnedVotes } from '../../../main/features/suggestions/engine/bayes';

// A kind of comment the built-in signals have no opinion on: feedback about a colour scheme.
const decided = [
  'The new colour scheme in the editor is hard on the eyes at night, a darker theme toggle would be lovely.',
  'Colour scheme feedback: the contrast of the editor sidebar is too low for me, a darker theme please.',
  'Loving the update but the colour scheme of the editor makes the code hard to read, theme toggle?',
  'Can we get the old colour scheme back as a theme option in the editor? The new one is too bright.',
  'The editor colour scheme washes out the comments, a high contrast theme would help a lot.',
  'Dark theme for the editor please, the new colour scheme is rough on long sessions.',
  'The editor colour scheme is pretty but a darker theme for night work would be great.',
  'Another vote for a dark theme in the editor, the colour scheme is too bright.',
  'Colour scheme of the editor: could the theme follow the system dark mode?',
  'The new editor colour scheme needs a dark theme, my eyes after an hour.',
];
// The moderator's other decisions meanwhile.
const otherwise: [string, 'service' | 'ignore'][] = [
  ['I was charged twice for the annual plan this month, please refund one.', 'service'],
  ['My invoice shows the wrong company name, can you fix it?', 'service'],
  ['The login page says my password is wrong right after I reset it.', 'service'],
  ['Export to PDF has been failing since yesterday with an error.', 'service'],
  ['first', 'ignore'],
  ['lol', 'ignore'],
  ['Cheap watches at discount prices, visit my shop', 'ignore'],
  ['nice', 'ignore'],
];
const similar = comment('The colour scheme of the editor is too bright for me, a dark theme would be nice.');

function copy(counts: LearnedCounts): unknown {
  return { decisions: { ...counts.decisions }, features: [...counts.features].map(([f, row]) => [f, { ...row }]).sort() };
}

describe('learning from decisions', () => {
  it('routing similar comments to the spotlight changes a similar comment’s suggestion, in the moderator’s words', () => {
    const before = suggest(similar);
    const counts = emptyCounts();
    for (const [text, route] of otherwise) learn(counts, featuresOf(comment(text)), route, 1);
    const unrelated = suggest(similar, counts);
    for (const text of decided) learn(counts, featuresOf(comment(text)), 'spotlight', 1);
    const after = suggest(similar, counts);
    expect(unrelated.route).toBeNull();
    expect(after.route).toBe('spotlight');
    expect(after.route).not.toBe(before.route);
    expect(after.reasons.some((reason) => /^you routed \d+ similar comments \(“.+”\) to Spotlight$/.test(reason))).toBe(true);
  });

  it('undoing a decision restores the counts and the suggestion exactly', () => {
    const counts = emptyCounts();
    for (const text of decided.slice(0, 4)) learn(counts, featuresOf(comment(text)), 'spotlight', 1);
    const snapshot = copy(counts);
    const suggestionBefore = suggest(similar, counts);
    const extra = featuresOf(comment(decided[4]!));
    learn(counts, extra, 'service', 1);
    expect(suggest(similar, counts)).not.toEqual(suggestionBefore);
    learn(counts, extra, 'service', -1);
    expect(copy(counts)).toEqual(snapshot);
    expect(suggest(similar, counts)).toEqual(suggestionBefore);
  });

  it('undoing every decision leaves nothing learned', () => {
    const counts = emptyCounts();
    const features = decided.map((text) => featuresOf(comment(text)));
    for (const f of features) learn(counts, f, 'ignore', 1);
    for (const f of features) learn(counts, f, 'ignore', -1);
    expect(copy(counts)).toEqual(copy(emptyCounts()));
    expect(suggest(similar, counts)).toEqual(suggest(similar));
  });

  it('features are words, word pairs within a sentence and the signals that fired, each once', () => {
    const features = featuresOf(comment('Refund please. Refund now, @support: https://x.example/a'));
    expect(features).toEqual(expect.arrayContaining(['refund', 'refund please', 'sig:billing']));
    expect(features).not.toContain('please refund');
    expect(new Set(features).size).toBe(features.length);
  });
});

describe('what learning weighs', () => {
  it('a comment’s learned shape outweighs a word learned as often for another lane: shape recurs, words seldom do', () => {
    // Three replies after a question routed to the spotlight, three comments with 'gadget' to
    // customer service: each lane learned one feature three times, with as many features in all.
    const counts = emptyCounts();
    for (const other of ['alpha', 'beta', 'gamma']) learn(counts, ['<ctx:after-question>', other], 'spotlight', 1);
    for (const other of ['delta', 'epsilon', 'zeta']) learn(counts, ['gadget', other], 'service', 1);
    const { votes } = learnedVotes(counts, ['gadget', '<ctx:after-question>'], 1);
    const weight = (route: string): number => votes.find((vote) => vote.route === route)!.weight;
    expect(weight('spotlight')).toBeGreaterThan(weight('service'));
  });
});
