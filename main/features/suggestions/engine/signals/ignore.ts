// Ignore: noise and spam. Very short, link-only, emoji only, spam phrases, text already posted or
// the same words over and over, shouting, empty praise. The shape-only signals (links, emoji,
// capitals, repetition) read any language; the word signals read English.
import type { Fired, Reading } from '../reading';

/** Below this many words a comment (with no question and no complaint) says nothing to act on. */
const VERY_SHORT = 3;
/** Praise with nothing else in it is at most this long. */
const SHORT_PRAISE = 12;
/** Shouting: most letters capitals, over enough letters to mean it. */
const SHOUTING_SHARE = 0.7;
const SHOUTING_LETTERS = 12;

/** Repetition shows in a comment's first words: those are counted. */
const REPETITION_WINDOW = 24;

function distinctShare(words: readonly string[]): number {
  const window = words.length > REPETITION_WINDOW ? words.slice(0, REPETITION_WINDOW) : words;
  return new Set(window).size / window.length;
}

export function ignoreSignals(r: Reading, out: Fired[]): void {
  const fire = (id: string, weight: number, reason: string): void => void out.push({ id, route: 'ignore', weight, reason });
  const { a, cues } = r;
  const prose = a.words.length - a.links;

  if (a.letters === 0 && a.emoji > 0) fire('emoji-only', 2.5, 'emoji only');
  if (a.links > 0 && (prose <= 3 || a.linkChars > a.text.length * 0.6)) fire('link-only', 2.5, 'link-only');
  else if (a.links >= 3 && prose < a.links * 8) fire('many-links', 1.2, 'many links, little text');
  if (r.thread.repeats) fire('repeated', 2.5, 'repeats a comment already posted');
  else if (a.words.length >= 8 && distinctShare(a.words) < 0.4) fire('repetitive', 1.5, 'the same words over and over');
  if (a.letters >= SHOUTING_LETTERS && a.capitals > a.letters * SHOUTING_SHARE) fire('shouting', 0.8, 'mostly capital letters');

  if (!r.english) return;
  if (r.companyVoice) fire('staff', 1.8, 'a reply from the company itself');
  const spam = cues.count('spam');
  if (spam > 0) fire('spam', spam > 1 ? 2.6 : 1.2, 'known spam phrase');

  const saysSomething =
    r.asks || cues.has('broken') || cues.has('money') || cues.has('account') || cues.has('when') || cues.has('metoo') || cues.has('fix') || cues.has('advice');
  if (saysSomething) return;
  if (talksAbout(r)) fire('talks-about', 0.8, 'talks about the company, asks nothing of it');
  if (prose > 0 && prose <= VERY_SHORT && a.links === 0) fire('very-short', 1.8, 'very short, nothing to answer');
  if (cues.has('praise') && prose <= SHORT_PRAISE) fire('empty-praise', 1.8, 'empty praise, nothing to answer');
}

const THIRD_PERSON: ReadonlySet<string> = new Set(['they', 'their', 'them', "they're", "they've", "they'll", 'theirs']);
const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'your', "you're", "you've", "you'll", 'yours']);

/** Speaks of the company in the third person ("they still can't...") and to no one: commentary. */
function talksAbout(r: Reading): boolean {
  if (r.addressee !== null || r.mentionsCompany || r.cues.has('mine') || r.cues.has('upset')) return false;
  let third = 0;
  for (const word of r.a.words) {
    if (SECOND_PERSON.has(word)) return false;
    if (THIRD_PERSON.has(word)) third++;
  }
  return third > 0;
}

/** Weak evidence for noise: the comment neither asks for anything nor helps anyone (an aside, a joke, an opinion). */
export function nothingToActOn(r: Reading, fired: Fired[]): void {
  // In a language the signals do not read, no evidence means unknown, not noise.
  if (r.english && !fired.some((f) => f.route !== 'ignore')) fired.push({ id: 'nothing-to-act-on', route: 'ignore', weight: 0.6, reason: 'neither asks for anything nor helps anyone' });
}
