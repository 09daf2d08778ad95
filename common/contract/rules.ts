// Operations of the moderator's routing rules: conditions on a comment mapped to an action, kept in
// order; previewed on the stored comments before saving, applied to them as one undoable action,
// exported and imported as JSON. The schemas here are the one definition of a valid rule: the
// console's rule editor, the CLI and an imported file are all checked against them.
import { z } from 'zod';
import type { ItemSummary, Route } from '../types';
import { returns, noInput, feedId, route } from './shared';

/** The flags every rule pattern runs with: ignoring case (the matcher in main/ compiles it the same way). */
export const PATTERN_FLAGS = 'i';
/** How long a pattern may take on one comment: past it, the match is stopped and the comment does not match. */
export const PATTERN_TIME_LIMIT_MS = 25;
/** After this many stopped comments a pattern is plainly too slow: it is given up on (until the rules change), and every comment after counts as stopped. */
export const PATTERN_GIVE_UP_AFTER = 10;

// JavaScript's own words for a broken pattern, said the way a moderator would fix it.
const PATTERN_FAULTS: [RegExp, string][] = [
  [/Unterminated group/, 'missing )'],
  [/Unmatched '\)'/, 'a ) with no ( before it'],
  [/Unterminated character class/, 'missing ]'],
  [/Nothing to repeat/, 'a *, + or ? with nothing before it to repeat (write \\* for the character itself)'],
  [/\\ at end of pattern/, 'it ends with a lone \\'],
  [/numbers out of order in \{\} quantifier/, 'the numbers in {} are the wrong way round'],
  [/Range out of order in character class/, 'a range in [] is the wrong way round'],
];

/** Why a rule's regular expression cannot be used, in plain words; null when it compiles. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, PATTERN_FLAGS);
    return null;
  } catch (error) {
    const said = (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
    const fault = PATTERN_FAULTS.find(([match]) => match.test(said));
    return fault ? fault[1] : said.charAt(0).toLowerCase() + said.slice(1);
  }
}

/**
 * When a rule applies: every condition given must hold (at least one must be given). Words and
 * phrases match whole words, ignoring case; `pattern` is a regular expression (JavaScript syntax,
 * ignoring case) run with a time limit, so a pattern that would take forever is stopped and named.
 */
export const ruleConditions = z
  .object({
    /** Any of these words or phrases. */
    words: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
    pattern: z.string().min(1).max(500).optional(),
    author: z.string().trim().min(1).max(500).optional(),
    feedId: feedId.optional(),
    /** Words of the thread's title. */
    thread: z.string().trim().min(1).max(500).optional(),
    hasLink: z.boolean().optional(),
    /** Nothing but links and emoji. */
    linkOrEmojiOnly: z.literal(true).optional(),
    /** Length of the comment's text, in characters. */
    minLength: z.number().int().min(0).max(1_000_000).optional(),
    maxLength: z.number().int().min(0).max(1_000_000).optional(),
    /** A language, as the console detects it: an ISO 639-1 code ("en", "de"), or "other" for any language but English. */
    language: z.string().regex(/^([a-z]{2}|other)$/, 'a language is a two-letter code like "en", or "other"').optional(),
  })
  .strict()
  .refine((when) => Object.keys(when).length > 0, 'give a rule at least one condition')
  .refine((when) => when.minLength === undefined || when.maxLength === undefined || when.minLength <= when.maxLength, {
    message: 'the shortest length is more than the longest: no comment could match',
    path: ['minLength'],
  });

/** What a rule does to a comment it matches. */
export const ruleAction = z.discriminatedUnion('kind', [
  /** Lean the suggestion toward a lane; weight 1 (a nudge) to 5 (all but decides). */
  z.object({ kind: z.literal('suggest'), route, weight: z.number().int().min(1).max(5).default(3) }).strict(),
  /** Route it at once (arriving comments; stored ones when the rule is applied). */
  z.object({ kind: z.literal('route'), route }).strict(),
  /** Put it off for some hours. */
  z.object({ kind: z.literal('snooze'), hours: z.number().int().min(1).max(24 * 365) }).strict(),
]);

/** A rule as written (in the editor, `switchboard rules add`, an imported file). */
export const ruleDraft = z
  .object({
    name: z.string().trim().min(1, 'give the rule a name').max(200),
    enabled: z.boolean().default(true),
    when: ruleConditions,
    then: ruleAction,
  })
  .strict()
  // Checked here, with the rule's name at hand, so the editor, the CLI and an imported file all
  // refuse a broken pattern with the same words.
  .superRefine((rule, check) => {
    const problem = rule.when.pattern === undefined ? null : patternProblem(rule.when.pattern);
    if (problem) check.addIssue({ code: 'custom', path: ['when', 'pattern'], message: `rule '${rule.name}': the regular expression \`${rule.when.pattern}\` is not valid: ${problem}` });
  });

export type RuleConditions = z.infer<typeof ruleConditions>;
export type RuleAction = z.infer<typeof ruleAction>;
export type RuleDraft = z.input<typeof ruleDraft>;

/** A saved rule: the draft plus its id and its place in the order (rules are tried first to last). */
export type Rule = z.output<typeof ruleDraft> & { id: number; position: number };

/** The file `rules export` writes and `rules import` reads. */
export interface RulesFile {
  switchboardRules: 1;
  rules: z.output<typeof ruleDraft>[];
}

/** The most rules one file (or one console) holds: each is tried on every arriving comment. */
export const MOST_RULES = 500;

/** A problem with one rule, in plain words: `when.minLength should be a number, not a string`. */
function said(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${where ? `${where} has` : 'it has'} ${issue.keys.length > 1 ? 'fields' : 'a field'} Switchboard does not know: ${fields}`;
  }
  if (issue.code === 'invalid_type') {
    const got = /received (\w+)/.exec(issue.message)?.[1];
    const wanted = issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
    return got === 'undefined' ? `${where} is missing: it should be ${wanted}` : `${where || 'it'} should be ${wanted}${got ? `, not ${got === 'array' ? 'a list' : `a ${got}`}` : ''}`;
  }
  // A pattern's own message already names the rule.
  if (/^rule '/.test(issue.message)) return issue.message;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Checks one rule as written against ruleDraft, or throws an Error saying what is wrong with it,
 * each problem after `label` (`rule 2 'Refunds'`): the CLI's `rules add` and an imported file say
 * the same thing the same way.
 */
export function checkRule(raw: unknown, label: string): RulesFile['rules'][number] {
  const parsed = ruleDraft.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A pattern's message names the rule by name already: the label says it again, with its place.
  throw new Error(parsed.error.issues.map((issue) => `${label}: ${/^rule '/.test(issue.message) ? issue.message.replace(/^rule '.*?': /s, '') : said(issue)}`).join('; '));
}

/** The label a rule is named by in messages: its place in a file when it has one, and its name when it has one. */
export function ruleLabel(raw: unknown, place?: number): string {
  const name = typeof raw === 'object' && raw !== null && 'name' in raw && typeof raw.name === 'string' ? ` '${raw.name}'` : '';
  return `rule${place === undefined ? '' : ` ${place}`}${name}`;
}

/**
 * Reads an exported rules file, every rule checked against ruleDraft: a file with any broken rule
 * is refused as a whole, each problem naming the rule (its place in the file and its name), so
 * nothing is half imported. Throws an Error whose message lists the problems.
 */
export function readRulesFile(file: unknown): RulesFile {
  const shape = z.object({ switchboardRules: z.literal(1), rules: z.array(z.unknown()).max(MOST_RULES) }).safeParse(file);
  if (!shape.success) {
    throw new Error(`this is not a Switchboard rules file (it needs "switchboardRules": 1 and a "rules" list of at most ${MOST_RULES}; ${shape.error.issues.map(said).join('; ')})`);
  }
  const rules: RulesFile['rules'] = [];
  const problems: string[] = [];
  shape.data.rules.forEach((raw, index) => {
    try {
      rules.push(checkRule(raw, ruleLabel(raw, index + 1)));
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  if (problems.length > 0) throw new Error(`nothing was imported: ${problems.join('; ')}`);
  return { switchboardRules: 1, rules };
}

/** What a rule would match among the stored comments. */
export interface RulePreview {
  /** How many Inbox comments it matches: what applying it would act on (at most MOST_IN_ONE_ACTION, then `capped`). */
  count: number;
  capped: boolean;
  /** The newest of them (at most 50). */
  items: ItemSummary[];
  /**
   * Comments the pattern took too long on (PATTERN_TIME_LIMIT_MS each) and so did not match: a sign
   * the pattern needs rewriting. Past PATTERN_GIVE_UP_AFTER of them the pattern is given up on and
   * the comments not tried count here too.
   */
  timedOut: number;
}

export const rulesOperations = {
  'rules-list': {
    summary: 'The routing rules, in the order they are tried.',
    input: noInput,
    result: returns<Rule[]>(),
  },
  'rules-save': {
    summary: 'Add a rule (last in the order), or replace the rule with this id.',
    input: z.object({ id: z.number().int().positive().optional(), rule: ruleDraft }).strict(),
    result: returns<Rule>(),
  },
  'rules-delete': {
    summary: 'Delete a rule.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<{ deleted: number }>(),
  },
  'rules-move': {
    summary: 'Move a rule to another place in the order (1 is tried first).',
    input: z.object({ id: z.number().int().positive(), position: z.number().int().min(1) }).strict(),
    result: returns<Rule[]>(),
  },
  'rules-preview': {
    summary: 'How many Inbox comments a rule (saved or not) would match, the ones applying it acts on, with the newest of them.',
    input: z.object({ rule: ruleDraft }).strict(),
    result: returns<RulePreview>(),
  },
  'rules-apply': {
    summary: 'Apply a saved rule to the comments already stored in the Inbox, as one undoable action.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<{ count: number; byRoute: Record<Route, number>; snoozed: number; auditId: number | null }>(),
  },
  'rules-export': {
    summary: 'Every rule, as the JSON `rules import` reads.',
    input: noInput,
    result: returns<RulesFile>(),
  },
  'rules-import': {
    summary: 'Add the rules of an exported file after the current ones (replace: true deletes the current ones first); a broken rule refuses the whole file, naming the rule and the problem.',
    input: z.object({ file: z.unknown(), replace: z.boolean().default(false) }).strict(),
    result: returns<{ added: number; rules: Rule[] }>(),
  },
} as const;
