// Operations of routing suggestions: what the console would route where and why, accepting
// suggestions, and what it has learned from the moderator's decisions.
import { z } from 'zod';
import type { AcceptSummary, LearningStatus, Suggestion, TriageResult } from '../types';
import { returns, noInput, itemId, itemIds, confidence, MOST_IN_ONE_ACTION } from './shared';

export const suggestionsOperations = {
  'suggest-text': {
    summary: 'The suggestion for a text, as if it were a new comment; nothing is stored.',
    input: z
      .object({
        text: z.string().min(1, 'give the text of a comment').max(100_000),
        author: z.string().max(500).optional(),
        threadTitle: z.string().max(2_000).optional(),
      })
      .strict(),
    result: returns<Suggestion>(),
  },
  'items-suggestions': {
    summary: 'The stored suggestions of these comments (null: not scored yet): what a console reads again after the Inbox was scored anew, without reading its list again.',
    input: z.object({ ids: z.array(itemId).max(MOST_IN_ONE_ACTION) }).strict(),
    result: returns<{ id: number; suggestion: Suggestion | null }[]>(),
  },
  'items-accept': {
    summary: 'Route comments to the lanes suggested for them, as one undoable action; comments with no suggestion are left as they are (named in `skipped`).',
    input: z.object({ ids: itemIds, next: itemId.optional() }).strict(),
    result: returns<TriageResult & { skipped: number[] }>(),
  },
  'suggestions-accept-above': {
    summary: `Route every Inbox comment whose suggestion is at least this confident to its suggested lane, as one undoable action (at most ${MOST_IN_ONE_ACTION.toLocaleString('en')}); with preview: true, only say how many it would route.`,
    input: z
      .object({
        threshold: confidence,
        preview: z.boolean().default(false),
        /** How many the moderator was told it would route: when that changed meanwhile (the Inbox scored again after learning), nothing is routed and the error says the new count. */
        expect: z.number().int().min(0).optional(),
      })
      .strict(),
    result: returns<AcceptSummary & { auditId: number | null }>(),
  },
  'suggestions-status': {
    summary: 'What the console has learned from the moderator’s decisions, and how many Inbox comments wait to be scored again.',
    input: noInput,
    result: returns<LearningStatus>(),
  },
  'suggestions-reset': {
    summary: 'Forget everything learned from the moderator’s decisions; suggestions go back to the built-in signals and rules.',
    input: noInput,
    result: returns<LearningStatus>(),
  },
} as const;
