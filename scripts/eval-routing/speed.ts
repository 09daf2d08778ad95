// What scoring costs per comment, as ingest pays it. Each comment is timed alone, PASSES times
// after a warm-up; its fastest timing is its cost (the others carry the machine's other work: the
// load average is printed beside), and the median and 95th percentile are over the comments.
import os from 'node:os';
import { suggest, type LearnedCounts } from '../../main/features/suggestions/engine';
import type { Example } from './dataset';
import { quantile } from './metrics';

const WARM_UP_PASSES = 3;
export const PASSES = 10;

export function microsecondsPerComment(examples: readonly Example[], learned: LearnedCounts | null): { median: number; p95: number } {
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const e of examples) suggest(e.comment, learned);
  const fastest = new Array<number>(examples.length).fill(Infinity);
  for (let pass = 0; pass < PASSES; pass++) {
    examples.forEach((e, i) => {
      const started = performance.now();
      suggest(e.comment, learned);
      fastest[i] = Math.min(fastest[i]!, (performance.now() - started) * 1000);
    });
  }
  fastest.sort((x, y) => x - y);
  return { median: quantile(fastest, 0.5), p95: quantile(fastest, 0.95) };
}

/** The machine's load while measuring: figures from a busy machine are higher. */
export function loadAverage(): string {
  return `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
}
