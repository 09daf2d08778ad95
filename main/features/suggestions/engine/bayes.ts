// What the moderator's own decisions teach: naive Bayes over the learned comments' features
// (multinomial over each comment's distinct features, Laplace smoothing; its general features, the
// signals that fired, its shape and its author, weigh twice a word), turned into one vote
// per lane whose weight grows with the number of decisions, so a few early decisions nudge and
// hundreds decide. The counts are plain data the storage helper keeps in the database: a decision
// adds its comment's features, an undo removes them (learn()), the ALL_FEATURES row included.
import type { Route } from '../../../../common/types';
import type { LearnedCounts, Vote } from './types';
import { isNamedWord } from './features';
import { isCommonWord } from './language';

export const LANES: readonly Route[] = ['service', 'spotlight', 'ignore'];

/** After this many decisions the learned votes weigh half their full weight. */
const HALF_WEIGHT_AT = 10;
/**
 * Naive Bayes adds up every feature as if independent, which overstates: its log-odds are divided
 * by the square root of the features counted, then scaled by this.
 */
const GAIN = 2.5;
/**
 * How much more a comment's general features count than its words: the built-in signals that fired,
 * its shape (length, a question, a link, its place in the thread) and its author recur across
 * comments and sources, where a word seldom does, so what the moderator taught about them carries
 * further. Each counts as this many words, in the sum and in the number of features counted.
 * Measured (npm run eval:routing, and 20 seeds of the random half): 2 lifts macro-F1 on every
 * split, older to newer and blogs to forums included; more (2.5, 3) gave no more on the random halves.
 */
const GENERAL_WEIGHT = 2;
/** The most one lane's learned vote may weigh: learning informs, the built-in signals still speak. */
const MOST = 4;
/** A word is named in a reason only when at least this many learned comments of the lane have it. */
const NAMED_AT = 2;

/**
 * The row that counts every feature learned per lane (the sum of the other rows): naive Bayes
 * divides by it. It can never be a comment's feature ('<' is not part of a word). Kept by learn(),
 * stored like any other row.
 */
export const ALL_FEATURES = '<all>';

export function emptyCounts(): LearnedCounts {
  return { decisions: { service: 0, spotlight: 0, ignore: 0 }, features: new Map() };
}

/**
 * Adds (+1) or removes (-1) one decision: the comment's features routed to `route`. Removing what
 * was added restores the counts exactly (a feature no comment has any more is dropped).
 */
export function learn(counts: LearnedCounts, features: readonly string[], route: Route, sign: 1 | -1): void {
  counts.decisions[route] = Math.max(0, counts.decisions[route] + sign);
  for (const feature of features) add(counts, feature, route, sign);
  add(counts, ALL_FEATURES, route, sign * features.length);
}

function add(counts: LearnedCounts, feature: string, route: Route, change: number): void {
  let row = counts.features.get(feature);
  if (row === undefined) {
    if (change < 0) return;
    row = { service: 0, spotlight: 0, ignore: 0 };
    counts.features.set(feature, row);
  }
  row[route] = Math.max(0, row[route] + change);
  if (row.service === 0 && row.spotlight === 0 && row.ignore === 0) counts.features.delete(feature);
}

export function decisionsIn(counts: LearnedCounts): number {
  return counts.decisions.service + counts.decisions.spotlight + counts.decisions.ignore;
}

// log(count + 1) for the counts most features have, looked up rather than computed: scoring at
// ingest takes one per feature and lane.
const LOG_TABLE = Float64Array.from({ length: 1024 }, (_, n) => Math.log(n + 1));
const logOnePlus = (count: number): number => (count < LOG_TABLE.length ? LOG_TABLE[count]! : Math.log(count + 1));

/** Stands for a learned vote's reason until the blend shows it is needed: naming the telling word costs a pass over the features. */
export const LEARNED_REASON = '<learned>';

/** What was learned of a comment's features: one row per feature (undefined where never learned). */
export type LearnedRows = (Record<Route, number> | undefined)[];

/**
 * The learned votes for a comment with these features, one per lane, centred (they sum to zero),
 * and the rows looked up for them (naming the reason reuses them rather than looking up again).
 * The features from index `generalFrom` on are general ones (featuresFrom puts them last).
 */
export function learnedVotes(counts: LearnedCounts, features: readonly string[], generalFrom: number): { votes: Vote[]; rows: LearnedRows } {
  const rows: LearnedRows = new Array(features.length);
  const total = decisionsIn(counts);
  if (total === 0) return { votes: [], rows };
  const { decisions } = counts;
  const all = counts.features.get(ALL_FEATURES) ?? { service: 0, spotlight: 0, ignore: 0 };
  const vocabulary = Math.max(1, counts.features.size - 1);
  // Naive Bayes, Laplace-smoothed: log P(lane) + the sum over features of log((count + 1) / (lane total + vocabulary)).
  let s = 0;
  let p = 0;
  let g = 0;
  let used = 0;
  for (let i = 0; i < features.length; i++) {
    const row = counts.features.get(features[i]!);
    rows[i] = row;
    // A feature never learned says nothing (and would favour the lane with fewest decisions).
    if (row === undefined) continue;
    const weight = i < generalFrom ? 1 : GENERAL_WEIGHT;
    used += weight;
    s += weight * logOnePlus(row.service);
    p += weight * logOnePlus(row.spotlight);
    g += weight * logOnePlus(row.ignore);
  }
  if (used === 0) return { votes: [], rows };
  // The priors, and each lane's denominator once per feature counted.
  s += Math.log((decisions.service + 1) / (total + 3)) - used * Math.log(all.service + vocabulary);
  p += Math.log((decisions.spotlight + 1) / (total + 3)) - used * Math.log(all.spotlight + vocabulary);
  g += Math.log((decisions.ignore + 1) / (total + 3)) - used * Math.log(all.ignore + vocabulary);
  const mean = (s + p + g) / 3;
  const scale = (GAIN * (total / (total + HALF_WEIGHT_AT))) / Math.sqrt(used);
  const weights: Record<Route, number> = { service: (s - mean) * scale, spotlight: (p - mean) * scale, ignore: (g - mean) * scale };
  const votes = LANES.map((route) => {
    const weight = Math.max(-MOST, Math.min(MOST, weights[route]));
    return { route, weight, reason: weight > 0 ? LEARNED_REASON : '' };
  });
  return { votes, rows };
}

/**
 * How much the learned votes raise the bar for a suggestion. Naive Bayes sums its evidence as if
 * every word were independent, so with many decisions it is surer than it is right: the neutral
 * "no suggestion" option weighs more as it learns, keeping a confidence of 0.6 meaning about the
 * same with or without learning.
 */
const CAUTION = 2.8;

export function learnedCaution(counts: LearnedCounts): number {
  const total = decisionsIn(counts);
  return (CAUTION * total) / (total + HALF_WEIGHT_AT);
}

const LANE_WORDS: Record<Route, string> = { service: 'customer service', spotlight: 'Spotlight', ignore: 'Ignore' };

const SAID: Record<Route, (count: number, word: string) => string> = {
  service: (n, word) => `you routed ${n} similar comments${word} to customer service`,
  spotlight: (n, word) => `you routed ${n} similar comments${word} to Spotlight`,
  ignore: (n, word) => `you ignored ${n} similar comments${word}`,
};

/**
 * "you routed 12 similar comments (“refund”) to customer service": the comment's most telling
 * learned word for the lane (the highest ratio of its share among the lane's features to its
 * share among the other lanes'), and how many learned comments of the lane have it.
 */
export function learnedReason(counts: LearnedCounts, features: readonly string[], rows: LearnedRows, route: Route): string {
  const all = counts.features.get(ALL_FEATURES) ?? { service: 0, spotlight: 0, ignore: 0 };
  const vocabulary = Math.max(1, counts.features.size - 1);
  const laneShare = 1 / (all[route] + vocabulary);
  const otherShare = 1 / (all.service + all.spotlight + all.ignore - all[route] + vocabulary);
  let best: string | null = null;
  let bestCount = 0;
  let bestLift = 1;
  for (let i = 0; i < features.length; i++) {
    const row = rows[i];
    if (row === undefined || row[route] < NAMED_AT) continue;
    const feature = features[i]!;
    // Single words only: a moderator reads "refund" at a glance, "refund please" less so.
    if (!isNamedWord(feature)) continue;
    const lift = ((row[route] + 1) * laneShare) / ((row.service + row.spotlight + row.ignore - row[route] + 1) * otherShare);
    if (lift <= bestLift || isCommonWord(feature)) continue;
    [best, bestCount, bestLift] = [feature, row[route], lift];
  }
  if (best === null) return `looks like the comments you routed to ${LANE_WORDS[route]} (${counts.decisions[route]} so far)`;
  return SAID[route](bestCount, ` (“${best}”)`);
}
