// Scores examples with the engine: the built-in signals alone, or after learning from others.
import { weigh, featuresOf, learn, emptyCounts, type LearnedCounts } from '../../main/features/suggestions/engine';
import type { Example } from './dataset';
import type { Scored } from './metrics';

/** The counts a moderator's decisions on these comments would teach (each routed as labelled). */
export function learnFrom(decided: readonly Example[]): LearnedCounts {
  const counts = emptyCounts();
  for (const e of decided) learn(counts, featuresOf(e.comment), e.label, 1);
  return counts;
}

export function score(examples: readonly Example[], learned: LearnedCounts | null = null): Scored[] {
  return examples.map((e) => {
    const { top, confidence } = weigh(e.comment, learned);
    return { truth: e.label, top, confidence };
  });
}
