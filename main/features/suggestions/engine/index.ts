// The routing engine's API: pure functions over plain data (no database, no Node), shared by the
// suggestions feature (ingest, re-scoring, `suggest --text`) and `npm run eval:routing`.
// A comment is read once (reading.ts: words, cues, language, thread), the built-in signal families
// vote (signals/), what was learned from the moderator's decisions votes too (bayes.ts), the
// moderator's rules vote, and the votes are blended into a lane, a confidence and reasons (blend.ts).
import type { Suggestion } from '../../../../common/types';
import type { CommentToScore, LearnedCounts, Vote } from './types';
import { read, type Fired } from './reading';
import { builtInSignals } from './signals';
import { featuresFrom } from './features';
import { learnedVotes, learnedReason, learnedCaution, decisionsIn, LEARNED_REASON } from './bayes';
import { blend, decide, type Blended } from './blend';
import { languageOfWords } from './language';
import { analyze } from './text';

export type { CommentToScore, Vote, LearnedCounts } from './types';
export type { Fired } from './reading';
export type { Blended } from './blend';
export { DEFAULT_THRESHOLD } from './blend';
export { emptyCounts, learn, decisionsIn, ALL_FEATURES } from './bayes';

/** The features a comment contributes to learning (each once): what a decision adds, and its undo takes away. */
export function featuresOf(comment: CommentToScore): string[] {
  const r = read(comment);
  return featuresFrom(r, builtInSignals(r)).list;
}

/** The comment's language, as an ISO 639-1 code ("en", "de"), or "und" when it cannot tell (short texts). */
export function languageOf(text: string): string {
  const a = analyze(text);
  return languageOfWords(a.words, a.text);
}

/** The built-in signals that fire on a comment, each with its id, lane, weight and reason. */
export function signalsOf(comment: CommentToScore): Fired[] {
  return builtInSignals(read(comment));
}

const LANGUAGE_NAMES: Record<string, string> = {
  de: 'German', fr: 'French', es: 'Spanish', pt: 'Portuguese', it: 'Italian', nl: 'Dutch', ru: 'Russian',
  uk: 'Ukrainian', el: 'Greek', he: 'Hebrew', ar: 'Arabic', hi: 'Hindi', th: 'Thai', ja: 'Japanese', ko: 'Korean',
  zh: 'Chinese',
};

/** Every vote on a comment and their blend, before the threshold: what suggest() decides on, and what the evaluation's forced choice reads. */
export function weigh(comment: CommentToScore, learned: LearnedCounts | null = null, ruleVotes: readonly Vote[] = []): Blended & { english: boolean; lang: string } {
  const r = read(comment);
  const votes: Vote[] = builtInSignals(r);
  const features = learned !== null && decisionsIn(learned) > 0 ? featuresFrom(r, votes as Fired[]) : null;
  const evidence = features !== null ? learnedVotes(learned!, features.list, features.generalFrom) : null;
  if (evidence !== null) for (const vote of evidence.votes) votes.push(vote);
  for (const vote of ruleVotes) votes.push(vote);
  const blended = blend(votes, features !== null ? learnedCaution(learned!) : 0);
  const at = blended.reasons.indexOf(LEARNED_REASON);
  if (at >= 0) blended.reasons[at] = learnedReason(learned!, features!.list, evidence!.rows, blended.top);
  return { top: blended.top, confidence: blended.confidence, reasons: blended.reasons, english: r.english, lang: r.lang };
}

/** The suggestion for one comment: the built-in signals, what was learned, and the moderator's rule votes, blended. */
export function suggest(comment: CommentToScore, learned: LearnedCounts | null = null, ruleVotes: readonly Vote[] = []): Suggestion {
  const weighed = weigh(comment, learned, ruleVotes);
  const suggestion = decide(weighed);
  if (suggestion.route === null && !weighed.english) {
    const name = LANGUAGE_NAMES[weighed.lang];
    suggestion.reasons = [name ? `written in ${name}, which the built-in signals do not read` : 'written in a language the built-in signals do not read'];
  }
  return suggestion;
}
