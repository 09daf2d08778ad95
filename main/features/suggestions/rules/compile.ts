// A rule's conditions made into tests of a comment, once per rule: every condition given must
// hold. The cheap ones (feed, author, words, shape, length, language) are tried first, the
// time-limited pattern last, on the comments left.
import type { RuleConditions, RulesFile } from '../../../../common/contract/rules';
import { languageOf } from '../engine';
import type { RuleSubject } from './subject';
import { hasLink, lengthOf, linkOrEmojiOnly } from './text-shape';
import { TimedPattern, type PatternResult } from './timed-pattern';
import { wholeWords } from './words';

type Check = (subject: RuleSubject) => boolean;

/** A language condition: a code matches that language; "other" any known language but English ("und", unknown, matches neither). */
function languageCheck(language: string): Check {
  return (subject) => {
    const found = languageOf(subject.text);
    return language === 'other' ? found !== 'und' && found !== 'en' : found === language;
  };
}

function checksOf(when: RuleConditions): Check[] {
  const checks: Check[] = [];
  if (when.feedId !== undefined) checks.push((subject) => subject.feedId === when.feedId);
  if (when.author !== undefined) {
    const author = when.author.toLowerCase();
    checks.push((subject) => subject.author.trim().toLowerCase() === author);
  }
  if (when.hasLink !== undefined) checks.push((subject) => hasLink(subject) === when.hasLink);
  if (when.minLength !== undefined) checks.push((subject) => lengthOf(subject.text) >= when.minLength!);
  if (when.maxLength !== undefined) checks.push((subject) => lengthOf(subject.text) <= when.maxLength!);
  if (when.thread !== undefined) {
    const thread = wholeWords([when.thread]);
    checks.push((subject) => thread.test(subject.threadTitle));
  }
  if (when.words !== undefined) {
    const words = wholeWords(when.words);
    checks.push((subject) => words.test(subject.text));
  }
  if (when.linkOrEmojiOnly) checks.push(linkOrEmojiOnly);
  // Last of the cheap ones: the engine's language detection reads the whole text.
  if (when.language !== undefined) checks.push(languageCheck(when.language));
  return checks;
}

export class CompiledRule {
  private readonly checks: Check[];
  private readonly pattern: TimedPattern | null;

  constructor(readonly rule: RulesFile['rules'][number] & { id?: number }) {
    this.checks = checksOf(rule.when);
    this.pattern = rule.when.pattern === undefined ? null : new TimedPattern(rule.when.pattern);
  }

  /** Whether the conditions other than the pattern hold. */
  private passesChecks(subject: RuleSubject): boolean {
    return this.checks.every((check) => check(subject));
  }

  /** Whether the rule matches one comment (false when its pattern was stopped). */
  matches(subject: RuleSubject): boolean {
    return this.passesChecks(subject) && (this.pattern === null || this.pattern.test(subject.text) === true);
  }

  /** Runs the pattern at once on those of `subjects` that pass the other conditions, so matches() on each of them needs no run of its own. */
  prepare(subjects: readonly RuleSubject[]): void {
    this.pattern?.remember(subjects.filter((subject) => this.passesChecks(subject)).map((subject) => subject.text));
  }

  /** Each comment's result, the pattern run on all that pass the other conditions at once. */
  matchMany(subjects: readonly RuleSubject[]): PatternResult[] {
    const results: PatternResult[] = subjects.map((subject) => this.passesChecks(subject));
    if (this.pattern === null) return results;
    const candidates = results.flatMap((passed, index) => (passed ? [index] : []));
    const tested = this.pattern.testMany(candidates.map((index) => subjects[index]!.text));
    candidates.forEach((index, at) => (results[index] = tested[at]!));
    return results;
  }
}
