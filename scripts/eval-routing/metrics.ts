// The evaluation's arithmetic, pure: confusion matrix, accuracy, per-lane precision and recall,
// macro-F1, a seeded bootstrap interval, coverage against accuracy at a threshold.
import type { Route } from '../../common/types';
import { seededRandom } from '../../test/support/seeded-random';

export const LANES: readonly Route[] = ['service', 'spotlight', 'ignore'];

/** One scored comment: its label, the lane with the most evidence (the forced choice), how sure. */
export interface Scored {
  truth: Route;
  top: Route;
  confidence: number;
}

/** matrix[truth][predicted], lanes in LANES order. */
export type Confusion = number[][];

export function confusion(scored: readonly Scored[]): Confusion {
  const m = LANES.map(() => LANES.map(() => 0));
  for (const s of scored) m[LANES.indexOf(s.truth)]![LANES.indexOf(s.top)]! += 1;
  return m;
}

export function accuracy(m: Confusion): number {
  let right = 0;
  let all = 0;
  m.forEach((row, i) => row.forEach((n, j) => ((all += n), i === j && (right += n))));
  return all === 0 ? 0 : right / all;
}

export interface LaneScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Per lane; a lane never predicted has precision 0, a lane never labelled recall 0 (and F1 0). */
export function perLane(m: Confusion): LaneScore[] {
  return LANES.map((_, i) => {
    const hit = m[i]![i]!;
    const predicted = m.reduce((sum, row) => sum + row[i]!, 0);
    const actual = m[i]!.reduce((sum, n) => sum + n, 0);
    const precision = predicted === 0 ? 0 : hit / predicted;
    const recall = actual === 0 ? 0 : hit / actual;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  });
}

/** The mean F1 of the lanes that occur (labelled or predicted): a lane absent from both says nothing. */
export function macroF1(m: Confusion): number {
  const lanes = perLane(m);
  let sum = 0;
  let counted = 0;
  lanes.forEach((lane, i) => {
    const occurs = m[i]!.some((n) => n > 0) || m.some((row) => row[i]! > 0);
    if (occurs) [sum, counted] = [sum + lane.f1, counted + 1];
  });
  return counted === 0 ? 0 : sum / counted;
}

/** The seeded generator the tests and benches use: the same seed, the same interval, every run. */
export { seededRandom };

/** The value at a share (0 to 1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index]!;
}

/** A 95% interval of macro-F1: comments resampled with replacement, `rounds` times, seeded. */
export function bootstrapMacroF1(scored: readonly Scored[], rounds = 1000, seed = 1): { low: number; high: number } {
  if (scored.length === 0) return { low: NaN, high: NaN };
  const random = seededRandom(seed);
  const values: number[] = [];
  const sample: Scored[] = new Array<Scored>(scored.length);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < scored.length; i++) sample[i] = scored[Math.floor(random() * scored.length)]!;
    values.push(macroF1(confusion(sample)));
  }
  values.sort((x, y) => x - y);
  return { low: quantile(values, 0.025), high: quantile(values, 0.975) };
}

/** At a threshold: the share of comments that get a suggestion, and how many of those are right. */
export function coverageAt(scored: readonly Scored[], threshold: number): { coverage: number; accuracy: number; suggested: number } {
  const covered = scored.filter((s) => s.confidence >= threshold);
  const right = covered.filter((s) => s.top === s.truth).length;
  return {
    coverage: scored.length === 0 ? 0 : covered.length / scored.length,
    accuracy: covered.length === 0 ? 0 : right / covered.length,
    suggested: covered.length,
  };
}
