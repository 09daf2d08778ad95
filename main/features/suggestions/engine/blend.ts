// Votes into a suggestion. Each lane's votes are summed (log-odds) and a softmax turns the sums
// into probabilities, with a neutral "no suggestion" option of its own weight: a comment with
// weak or no evidence gets a low confidence instead of a third of it going to every lane.
import type { Route, Suggestion } from '../../../../common/types';
import type { Vote } from './types';
import { LANES } from './bayes';

/** The weight of "no suggestion" in the softmax: evidence must outweigh it to be confident. */
const NEUTRAL = 1.0;
/** Reasons shown with a suggestion. */
const MOST_REASONS = 3;

/** Below this confidence a comment gets no suggestion (`route` null); the coverage goals are measured here. */
export const DEFAULT_THRESHOLD = 0.6;

export interface Blended {
  /** The lane with the most evidence, even when it is too weak to suggest (ties go to the first of service, spotlight, ignore). */
  top: Route;
  /** How sure: the top lane's share of the softmax, "no suggestion" included. */
  confidence: number;
  /** The strongest distinct reasons for the top lane. */
  reasons: string[];
}

export function blend(votes: readonly Vote[], caution = 0): Blended {
  const sums: Record<Route, number> = { service: 0, spotlight: 0, ignore: 0 };
  for (const vote of votes) sums[vote.route] += vote.weight;
  let top: Route = 'service';
  for (const lane of LANES) if (sums[lane] > sums[top]) top = lane;
  const neutral = NEUTRAL + caution;
  const peak = Math.max(sums.service, sums.spotlight, sums.ignore, neutral);
  let mass = Math.exp(neutral - peak);
  for (const lane of LANES) mass += Math.exp(sums[lane] - peak);
  const confidence = Math.exp(sums[top] - peak) / mass;

  const forTop = votes.filter((vote) => vote.route === top && vote.weight > 0 && vote.reason !== '').sort((x, y) => y.weight - x.weight);
  const reasons: string[] = [];
  for (const { reason } of forTop) {
    if (!reasons.includes(reason)) reasons.push(reason);
    if (reasons.length === MOST_REASONS) break;
  }
  return { top, confidence, reasons };
}

/** The suggestion shown: the top lane when confident enough, else no suggestion. */
export function decide(blended: Blended, threshold = DEFAULT_THRESHOLD): Suggestion {
  if (blended.confidence < threshold) return { route: null, confidence: blended.confidence, reasons: [] };
  return { route: blended.top, confidence: blended.confidence, reasons: blended.reasons };
}
