// Property tests (fast-check) for the routing engine: for any text, author, title and thread,
// scoring never throws, stays within its contract (a confidence between 0 and 1, at most three
// reasons, a lane only at or above the threshold), and a decision then its undo leaves what was
// learned exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggest, featuresOf, learn, emptyCounts, DEFAULT_THRESHOLD, type CommentToScore, type LearnedCounts } from '../../../main/features/suggestions/engine';

// Any UTF-16 units, biased towards what the reading cares about: links, @names, capitals, emoji, scripts, punctuation.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(' ', '\n', '?', '!', '.', ',', ' > ', '@kai ', 'https://x.example/a ', 'deals.example/now ', 'WHY ', '🔥', 'İ', 'straße ', 'Сайт ', '日本 ', "can't ", 'refund ', 'we\u2019re ', '1. '),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const comment: fc.Arbitrary<CommentToScore> = fc.record({
  text,
  author: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', ' ', 'Kai Moreno', '@kai')),
  threadTitle: fc.string({ maxLength: 40 }),
  earlier: fc.array(fc.record({ author: fc.string({ maxLength: 12 }), text }), { maxLength: 6 }),
});
const route = fc.constantFrom('service' as const, 'spotlight' as const, 'ignore' as const);

function snapshot(counts: LearnedCounts): unknown {
  return { decisions: { ...counts.decisions }, features: [...counts.features].map(([f, row]) => [f, { ...row }]).sort() };
}

describe('routing engine properties', () => {
  it('scores any comment within the contract, learned or not', () => {
    const learned = emptyCounts();
    fc.assert(
      fc.property(comment, route, (c, r) => {
        for (const counts of [null, learned]) {
          const s = suggest(c, counts);
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          expect(s.reasons.length).toBeLessThanOrEqual(3);
          expect(s.route === null).toBe(s.confidence < DEFAULT_THRESHOLD);
          for (const reason of s.reasons) expect(reason).not.toMatch(/^$|<|undefined|NaN/);
        }
        learn(learned, featuresOf(c), r, 1);
      }),
      { numRuns: 300 },
    );
  });

  it('a decision then its undo leaves the learned counts exactly as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(comment, route), { maxLength: 8 }), comment, route, (before, c, r) => {
        const counts = emptyCounts();
        for (const [earlier, lane] of before) learn(counts, featuresOf(earlier), lane, 1);
        const kept = snapshot(counts);
        const features = featuresOf(c);
        learn(counts, features, r, 1);
        learn(counts, features, r, -1);
        expect(snapshot(counts)).toEqual(kept);
        expect(new Set(features).size).toBe(features.length);
      }),
      { numRuns: 200 },
    );
  });
});
