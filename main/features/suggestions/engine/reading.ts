// A comment read once for every signal family: its text analysis, the lexicon's cues, its
// language, and what its thread says about it (who spoke before, was a question asked, is the
// thread about an outage).
import type { Route } from '../../../../common/types';
import { analyze, type Analysis } from './text';
import { findCues, type CueHits } from './cues';
import { languageOfWords } from './language';
import { LEXICON, COMPANY_HANDLES, COMPANY_HANDLE_PARTS, INTERROGATIVES } from './lexicon';
import type { CommentToScore } from './types';

export interface Reading {
  comment: CommentToScore;
  a: Analysis;
  cues: CueHits;
  lang: string;
  /** The built-in word signals read English: they speak only when the comment is not recognisably another language. */
  english: boolean;
  /** It asks something: a question mark, or a sentence opening with a question word. */
  asks: boolean;
  /** The earlier commenter (or @name) this comment speaks to, as written; null when none. */
  addressee: string | null;
  /** It @mentions the company's own handle (@support, @team). */
  mentionsCompany: boolean;
  /** It speaks for the company: its staff's words ("we are aware", "sorry for the inconvenience"), or "we" announcing without asking or complaining. */
  companyVoice: boolean;
  thread: ThreadContext;
}

export interface ThreadContext {
  /** The thread's title or an earlier comment reports something down or broken. */
  outage: boolean;
  /** An earlier comment, by someone else, asked a question. */
  questionBefore: boolean;
  /** The same text (ignoring case and spacing) was already posted in the thread. */
  repeats: boolean;
}

/** One piece of built-in evidence: a vote with the id of the signal that cast it (a learning feature). */
export interface Fired {
  id: string;
  route: Route;
  weight: number;
  reason: string;
}

/** How many earlier comments of the thread are read, the nearest first: context fades. */
const EARLIER_READ = 4;
/** How much of an earlier comment is read for context. */
const EARLIER_CHARS = 400;

// Single words of the "broken" cue as one case-blind pattern: earlier comments are only tested, not tokenized.
const BREAKAGE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${LEXICON.broken.filter((p) => !p.includes(' ')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** The same text posted again, ignoring case and spacing (compared only when the lengths nearly agree). */
function sameText(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 8 || x.trim() === '') return false;
  const squash = (text: string): string => text.slice(0, EARLIER_CHARS).toLowerCase().replace(/\s+/g, ' ').trim();
  return squash(x) === squash(y);
}

const FIRST_NAME = /^\s*([^\s_.]+)/;

function firstName(author: string): string {
  return FIRST_NAME.exec(author)?.[1]?.toLowerCase() ?? '';
}

/** What the context needs of an earlier comment or a title. */
interface ContextFacts {
  breakage: boolean;
  question: boolean;
}

// A thread's comments arrive one after another, each with the ones before it as context: the
// facts of a text are kept for the next comment instead of read again. Bounded: cleared when full.
const FACTS_KEPT = 2_000;
const facts = new Map<string, ContextFacts>();

function factsOf(text: string): ContextFacts {
  let known = facts.get(text);
  if (known === undefined) {
    const head = text.length > EARLIER_CHARS ? text.slice(0, EARLIER_CHARS) : text;
    known = { breakage: BREAKAGE.test(head), question: head.includes('?') };
    if (facts.size >= FACTS_KEPT) facts.clear();
    facts.set(text, known);
  }
  return known;
}

function readThread(comment: CommentToScore): ThreadContext {
  const from = Math.max(0, comment.earlier.length - EARLIER_READ);
  let outage = factsOf(comment.threadTitle).breakage;
  let questionBefore = false;
  let repeats = false;
  for (let i = comment.earlier.length - 1; i >= from; i--) {
    const earlier = comment.earlier[i]!;
    const known = factsOf(earlier.text);
    if (known.breakage) outage = true;
    if (known.question && earlier.author !== comment.author) questionBefore = true;
    if (!repeats && sameText(earlier.text, comment.text)) repeats = true;
  }
  return { outage, questionBefore, repeats };
}

/** How far into a comment a member's name is looked for ("Thank you Maya, ..."). */
const NAME_WITHIN = 12;

/** An @handle of the company: its support or official account, or a name in the thread's title ("@Acme" under "Acme raises prices"). */
function isCompanyHandle(handle: string, title: string): boolean {
  const lower = handle.toLowerCase();
  if (COMPANY_HANDLES.has(lower) || COMPANY_HANDLE_PARTS.some((part) => lower.includes(part))) return true;
  const stem = lower.split(/[_.-]/)[0]!;
  return stem.length >= 4 && title.toLowerCase().includes(stem);
}

/** Who the comment speaks to: an @mention that is not the company's, or an earlier commenter's first name near its start. */
function addresseeOf(comment: CommentToScore, a: Analysis): { addressee: string | null; mentionsCompany: boolean } {
  let mentionsCompany = false;
  let addressee: string | null = null;
  for (const handle of a.mentions) {
    if (isCompanyHandle(handle, comment.threadTitle)) mentionsCompany = true;
    else addressee ??= handle;
  }
  if (addressee !== null) return { addressee, mentionsCompany };
  // "Owen, the payment went through..." or "Thank you Maya, ...": an earlier commenter's first name.
  const opening = a.words.slice(0, NAME_WITHIN);
  for (const earlier of comment.earlier) {
    const name = firstName(earlier.author);
    if (name.length >= 3 && earlier.author !== comment.author && opening.includes(name)) {
      return { addressee: earlier.author.trim().split(/[\s_]+/)[0]!, mentionsCompany };
    }
  }
  if (opening[0] === 'op' || opening[1] === 'op') return { addressee: 'the original poster', mentionsCompany };
  return { addressee: null, mentionsCompany };
}

const WE: ReadonlySet<string> = new Set(['we', "we're", "we'll", "we've", 'our', 'us']);
/** "We" this many times (or a sentence opening "We're", "We'll", "We've"), asking nothing and with no problem of their own: someone announcing for the company. */
const WE_ANNOUNCING = 3;
const WE_OPENERS: ReadonlySet<string> = new Set(["we're", "we'll", "we've"]);

/** How far into a comment a representative introduces themselves ("Hi all, Sam from Acme here"). */
const INTRODUCTION_WITHIN = 8;

function introducesThemselves(words: readonly string[]): boolean {
  const n = Math.min(words.length, INTRODUCTION_WITHIN);
  for (let i = 2; i < n; i++) if (words[i] === 'here' && words[i - 2] === 'from') return true;
  return false;
}

function speaksForCompany(a: Analysis, cues: CueHits, asks: boolean): boolean {
  if (cues.has('staff') || introducesThemselves(a.words)) return true;
  if (asks || cues.has('mine') || cues.has('metoo') || cues.has('upset')) return false;
  let we = 0;
  for (let i = 0; i < a.words.length; i++) {
    const word = a.words[i]!;
    if (!WE.has(word)) continue;
    // A sentence opening "We're ...", "We'll ...": announcing what the company does.
    if (a.starts[i] === 1 && WE_OPENERS.has(word)) return true;
    we++;
  }
  return we >= WE_ANNOUNCING;
}

function asksSomething(a: Analysis): boolean {
  if (a.questionMarks > 0) return true;
  for (let i = 0; i < a.words.length; i++) if (a.starts[i] === 1 && INTERROGATIVES.has(a.words[i]!) && i + 1 < a.words.length && a.starts[i + 1] === 0) {
    // "Is there an ETA" without its question mark; but a statement's "Any ..." or "Do ..." opening is rare enough.
    return true;
  }
  return false;
}

export function read(comment: CommentToScore): Reading {
  const a = analyze(comment.text);
  const lang = languageOfWords(a.words, a.text, a.otherScriptLetters);
  // 'und' is a short text or one without common words of any language it knows: the word signals try it.
  const english = lang === 'en' || lang === 'und';
  const { addressee, mentionsCompany } = addresseeOf(comment, a);
  const cues = findCues(a.words);
  const asks = asksSomething(a);
  return {
    comment,
    a,
    cues,
    lang,
    english,
    asks,
    addressee,
    mentionsCompany,
    companyVoice: english && speaksForCompany(a, cues, asks),
    thread: readThread(comment),
  };
}
