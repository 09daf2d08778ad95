// What every part of `npm run bench` reports: a figure measured many times, its median and 95th
// percentile, next to the goal issue 12 set for it.

export interface Goal {
  name: string;
  value: number;
  unit: string;
  goal: string;
  pass: boolean;
}

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

/**
 * Times `run` (after one warm-up call) until `runs` calls or `budgetMs` of calls, whichever comes
 * first, but at least 5: a slow query before its index costs seconds a call.
 */
export async function time(run: (index: number) => unknown, runs = 40, budgetMs = 2_000): Promise<Timing> {
  await run(-1);
  const took: number[] = [];
  const started = performance.now();
  for (let index = 0; index < runs && (index < 5 || performance.now() - started < budgetMs); index += 1) {
    const before = performance.now();
    await run(index);
    took.push(performance.now() - before);
  }
  return timingOf(took);
}

/** The median and p95 of times measured some other way (ms). */
export function timingOf(took: number[]): Timing {
  const sorted = [...took].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), runs: sorted.length };
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

/** One printed line: the figure, its median and p95, and how it stands against its goal. */
export function line(name: string, timing: Timing, goal?: Goal): string {
  const verdict = goal ? `  goal ${goal.goal}: ${goal.pass ? 'pass' : 'FAIL'}` : '';
  return `${name.padEnd(58)} median ${ms(timing.median).padStart(9)}  p95 ${ms(timing.p95).padStart(9)}  (${timing.runs} runs)${verdict}`;
}

/** A goal on a time: `of` says which statistic the goal is about (the wording). */
export function timeGoal(name: string, timing: Timing, limitMs: number, of: 'median' | 'p95'): Goal {
  const value = Number(timing[of].toFixed(3));
  return { name, value, unit: `ms ${of}`, goal: `<= ${limitMs} ms ${of}`, pass: value <= limitMs };
}
