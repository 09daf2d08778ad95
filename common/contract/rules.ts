// Operations of the moderator's routing rules: conditions on a comment mapped to an action, kept in
// order; previewed on the stored comments before saving, applied to them as one undoable action,
// exported and imported as JSON. The schemas here are the one definition of a valid rule: the
// console's rule editor, the CLI and an imported file are all checked against them.
import { z } from 'zod';
import type { ItemSummary, Route } from '../types';
import { returns, noInput, feedId, route } from './shared';

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
  .refine((when) => Object.keys(when).length > 0, 'give a rule at least one condition');

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
  .strict();

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

/** What a rule would match among the stored comments. */
export interface RulePreview {
  /** How many stored comments it matches (up to `capped`). */
  count: number;
  capped: boolean;
  /** The newest of them (at most 50). */
  items: ItemSummary[];
  /** Comments the pattern took too long on (and so did not match): a sign the pattern needs rewriting. */
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
    summary: 'How many stored comments a rule (saved or not) would match, with the newest of them.',
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
