// How the set is divided for learning: seeded random halves, older against newer, by source, and
// the first k decisions of a moderator. Pure and deterministic.
import { seededRandom } from './metrics';

/** A seeded Fisher-Yates shuffle (a new array). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A random half to learn from and the other half to test on (the odd one out is tested). */
export function randomHalves<T>(items: readonly T[], seed: number): { train: T[]; test: T[] } {
  const order = shuffled(items, seed);
  const half = Math.floor(order.length / 2);
  return { train: order.slice(0, half), test: order.slice(half) };
}

/** Learn from the older half, test on the newer half: what a moderator meets next. */
export function olderNewer<T extends { publishedAt: string }>(items: readonly T[]): { train: T[]; test: T[] } {
  const order = [...items].sort((x, y) => Date.parse(x.publishedAt) - Date.parse(y.publishedAt));
  const half = Math.floor(order.length / 2);
  return { train: order.slice(0, half), test: order.slice(half) };
}

/** Items of the groups given against the rest. */
export function partition<T>(items: readonly T[], inFirst: (item: T) => boolean): { train: T[]; test: T[] } {
  return { train: items.filter(inFirst), test: items.filter((item) => !inFirst(item)) };
}
