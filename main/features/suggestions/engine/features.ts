// The features a comment teaches the learned model: its words and adjacent word pairs (lowercased,
// numbers folded to one token so "502" and "503" count together), the built-in signals that
// fired, its shape (length, a question, a link, an @mention, its place in the thread) and its
// author (a regular helper, the company's account or a spammer is routed alike again), each
// once. A decision adds exactly these; its undo takes exactly these away, so an undo must be
// given the same comment and the same earlier comments as its decision.
import type { Reading, Fired } from './reading';

/** The words learned from: the opening of a long comment carries its point. */
const FEATURE_WORDS = 40;
const NUMBER_TOKEN = '<n>';
const isNumber = (word: string): boolean => {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};
export const SIGNAL_PREFIX = 'sig:';

/** A comment's learning features: its words and word pairs first, then from `generalFrom` on its general ones (signals, shape, author). */
export interface LearningFeatures {
  list: string[];
  generalFrom: number;
}

export function featuresFrom(r: Reading, fired: readonly Fired[]): LearningFeatures {
  const seen = new Set<string>();
  const out: string[] = [];
  const keep = (feature: string): void => {
    if (seen.has(feature)) return;
    seen.add(feature);
    out.push(feature);
  };
  const n = Math.min(r.a.words.length, FEATURE_WORDS);
  let previous = '';
  for (let i = 0; i < n; i++) {
    const raw = r.a.words[i]!;
    const word = isNumber(raw) ? NUMBER_TOKEN : raw;
    keep(word);
    // A pair never spans two sentences: "down. Thanks" is not a phrase.
    if (previous !== '' && r.a.starts[i] === 0) keep(`${previous} ${word}`);
    previous = word;
  }
  const generalFrom = out.length;
  for (const { id } of fired) keep(SIGNAL_PREFIX + id);
  for (const shape of shapeOf(r)) keep(shape);
  if (r.comment.author.trim() !== '') keep(`<author:${r.comment.author.trim().toLowerCase()}>`);
  return { list: out, generalFrom };
}

/** A feature a reason may name: a single word (not a pair, a signal's id or a token like <url>). */
export function isNamedWord(feature: string): boolean {
  return !feature.includes(' ') && !feature.startsWith(SIGNAL_PREFIX) && !feature.startsWith('<');
}

/** The comment's shape as features: length, a question, a link, an @mention, where it sits in its thread. */
function shapeOf(r: Reading): string[] {
  const words = r.a.words.length;
  const shape = [words <= 5 ? '<len:tiny>' : words <= 15 ? '<len:short>' : words <= 45 ? '<len:medium>' : '<len:long>'];
  if (r.asks) shape.push('<asks>');
  if (r.a.links > 0) shape.push('<link>');
  if (r.a.mentions.length > 0) shape.push('<mention>');
  const earlier = r.comment.earlier;
  if (earlier.length === 0) shape.push('<ctx:opens>');
  else if (earlier.some((e) => e.author === r.comment.author)) shape.push('<ctx:wrote-before>');
  if (r.thread.questionBefore) shape.push('<ctx:after-question>');
  if (r.thread.outage) shape.push('<ctx:outage>');
  return shape;
}
