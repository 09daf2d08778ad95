// A stand-in for the routing engine (main/features/suggestions/engine) while it is built elsewhere:
// the same API, a few keyword signals and a naive count of learned features, so the storage tests
// can see suggestions stored, learned and accepted. Used through vi.mock.
import type { Route, Suggestion } from '../../common/types';
import type { CommentToScore, LearnedCounts, Vote } from '../../main/features/suggestions/engine';

export const DEFAULT_THRESHOLD = 0.6;
const LANES: Route[] = ['service', 'spotlight', 'ignore'];
const SIGNALS: [RegExp, Route, string][] = [
  [/\b(refund|outage|down|billing|charged)\b/i, 'service', 'asks the company about an outage or a bill'],
  [/\b(try|worked for me|you can)\b/i, 'spotlight', 'gives another member a workaround'],
  [/\b(buy now|casino|cheap pills)\b/i, 'ignore', 'known spam phrase'],
];

export function emptyCounts(): LearnedCounts {
  return { decisions: { service: 0, spotlight: 0, ignore: 0 }, features: new Map() };
}

export function featuresOf(comment: CommentToScore): string[] {
  return [...new Set(comment.text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])];
}

export function languageOf(): string {
  return 'en';
}

export function suggest(comment: CommentToScore, learned: LearnedCounts | null = null, ruleVotes: readonly Vote[] = []): Suggestion {
  const votes: Vote[] = SIGNALS.filter(([pattern]) => pattern.test(comment.text)).map(([, route, reason]) => ({ route, weight: 2, reason }));
  if (learned) {
    const words = featuresOf(comment);
    for (const route of LANES) {
      const shared = words.filter((word) => (learned.features.get(word)?.[route] ?? 0) > 0).length;
      if (shared >= 2) votes.push({ route, weight: shared * 0.5, reason: `you routed ${learned.decisions[route]} similar comments to ${route}` });
    }
  }
  votes.push(...ruleVotes);
  const score = { service: 0, spotlight: 0, ignore: 0 };
  for (const vote of votes) score[vote.route] += vote.weight;
  const total = 1 + LANES.reduce((sum, route) => sum + Math.exp(score[route]), 0);
  const best = LANES.reduce((a, b) => (score[b] > score[a] ? b : a));
  const confidence = Math.round((Math.exp(score[best]) / total) * 1000) / 1000;
  const reasons = votes.filter((vote) => vote.route === best).map((vote) => vote.reason).slice(0, 3);
  return confidence >= DEFAULT_THRESHOLD ? { route: best, confidence, reasons } : { route: null, confidence, reasons: [] };
}
