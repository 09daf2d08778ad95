// The evaluation's arithmetic on a tiny set with a known answer, worked out by hand.
import { describe, expect, it } from 'vitest';
import { accuracy, bootstrapMacroF1, confusion, coverageAt, macroF1, perLane, type Scored } from '../../../scripts/eval-routing/metrics';
import { olderNewer, randomHalves } from '../../../scripts/eval-routing/splits';

// Labels and forced choices of ten comments:
//   service:   4 labelled: 3 right, 1 called spotlight
//   spotlight: 3 labelled: 2 right, 1 called ignore
//   ignore:    3 labelled: 2 right, 1 called service
const tiny: Scored[] = [
  { truth: 'service', top: 'service', confidence: 0.9 },
  { truth: 'service', top: 'service', confidence: 0.8 },
  { truth: 'service', top: 'service', confidence: 0.5 },
  { truth: 'service', top: 'spotlight', confidence: 0.7 },
  { truth: 'spotlight', top: 'spotlight', confidence: 0.95 },
  { truth: 'spotlight', top: 'spotlight', confidence: 0.4 },
  { truth: 'spotlight', top: 'ignore', confidence: 0.3 },
  { truth: 'ignore', top: 'ignore', confidence: 0.85 },
  { truth: 'ignore', top: 'ignore', confidence: 0.65 },
  { truth: 'ignore', top: 'service', confidence: 0.2 },
];

describe('evaluation metrics', () => {
  it('counts the confusion matrix (rows: label, columns: forced choice) and accuracy', () => {
    expect(confusion(tiny)).toEqual([
      [3, 1, 0],
      [0, 2, 1],
      [1, 0, 2],
    ]);
    expect(accuracy(confusion(tiny))).toBeCloseTo(0.7, 10);
  });

  it('precision, recall and F1 per lane, and their mean', () => {
    // service: P 3/4, R 3/4, F1 0.75; spotlight: P 2/3, R 2/3, F1 2/3; ignore: P 2/3, R 2/3, F1 2/3.
    const lanes = perLane(confusion(tiny));
    expect(lanes[0]).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(lanes[1]!.f1).toBeCloseTo(2 / 3, 10);
    expect(lanes[2]!.precision).toBeCloseTo(2 / 3, 10);
    expect(macroF1(confusion(tiny))).toBeCloseTo((0.75 + 2 / 3 + 2 / 3) / 3, 10);
  });

  it('a lane nobody labelled or predicted is left out of macro-F1; one predicted but never right counts 0', () => {
    expect(macroF1(confusion([{ truth: 'service', top: 'service', confidence: 1 }]))).toBe(1);
    expect(macroF1(confusion([{ truth: 'service', top: 'spotlight', confidence: 1 }]))).toBe(0);
  });

  it('coverage and its accuracy at a threshold', () => {
    // At 0.6: six comments reach it (0.9, 0.8, 0.7, 0.95, 0.85, 0.65), five of them right.
    expect(coverageAt(tiny, 0.6)).toEqual({ coverage: 0.6, accuracy: 5 / 6, suggested: 6 });
    expect(coverageAt(tiny, 0.99)).toEqual({ coverage: 0, accuracy: 0, suggested: 0 });
  });

  it('the bootstrap interval is the same for the same seed, holds the point figure, and differs for another seed', () => {
    const first = bootstrapMacroF1(tiny, 500, 7);
    expect(bootstrapMacroF1(tiny, 500, 7)).toEqual(first);
    expect(first.low).toBeLessThanOrEqual(macroF1(confusion(tiny)));
    expect(first.high).toBeGreaterThanOrEqual(macroF1(confusion(tiny)));
    expect(bootstrapMacroF1(tiny, 500, 8)).not.toEqual(first);
  });

  it('random halves are deterministic per seed and split everything once; older/newer splits by time', () => {
    const items = Array.from({ length: 11 }, (_, i) => ({ id: i, publishedAt: new Date(Date.UTC(2026, 0, 11 - i)).toISOString() }));
    const a = randomHalves(items, 3);
    expect(randomHalves(items, 3)).toEqual(a);
    expect(a.train).toHaveLength(5);
    expect([...a.train, ...a.test].map((x) => x.id).sort((x, y) => x - y)).toEqual(items.map((x) => x.id));
    const { train, test } = olderNewer(items);
    expect(train.map((x) => x.id)).toEqual([10, 9, 8, 7, 6]);
    expect(test.map((x) => x.id)).toEqual([5, 4, 3, 2, 1, 0]);
  });
});
