// What scoring costs per comment, as ingest pays it: each comment timed alone, over several
// passes after a warm-up, reported as median and 95th percentile in microseconds.
import { suggest, type LearnedCounts } from '../../main/features/suggestions/engine';
import type { Example } from './dataset';
import { quantile } from './metrics';

const WARM_UP_PASSES = 3;
const PASSES = 10;

export function microsecondsPerComment(examples: readonly Example[], learned: LearnedCounts | null): { median: number; p95: number } {
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const e of examples) suggest(e.comment, learned);
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const e of examples) {
      const started = performance.now();
      suggest(e.comment, learned);
      times.push((performance.now() - started) * 1000);
    }
  }
  times.sort((x, y) => x - y);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}
