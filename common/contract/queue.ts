// Operations of the triage queue: views, filters, context, routing, snooze, undo.
import { z } from 'zod';
import { VIEW_NAMES, type ActionResult, type ItemContext, type TriageResult, type UndoAnswer, type ItemDetail, type ItemPage, type MatchingIds, type ViewCounts } from '../types';
import { returns, noInput, itemId, feedId, itemIds, route, itemStatus, sortOrder, suggestedFilter, confidence, MOST_IN_ONE_ACTION } from './shared';

/** The comment the console moves on to after the action: it comes back in full with the answer. */
const next = itemId.optional();

/** A view and its filters, as the list and "Select all matching" take them. */
const listFilters = z.object({
  view: z.enum(VIEW_NAMES).default('inbox'),
  sort: sortOrder.default('newest'),
  feedId: feedId.optional(),
  status: itemStatus.optional(),
  route: route.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  search: z.string().max(500).optional(),
  suggested: suggestedFilter.optional(),
});

/**
 * Suggestions are for deciding: the `suggested` filter keeps one suggested lane of the Inbox (its
 * own indexes, migration 013); the 'suggestion' sort outside the Inbox lists newest first.
 */
const suggestedInInboxOnly = (input: { view: string; suggested?: unknown }) => input.suggested === undefined || input.view === 'inbox';
const SUGGESTED_IN_INBOX = { message: 'the filter by suggested lane works in the Inbox only: choose the Inbox view, or leave out "suggested"', path: ['suggested'] };

export const queueOperations = {
  'views-counts': {
    summary: 'How many comments each view (Inbox, Customer service, Spotlight, ...) holds.',
    input: noInput,
    result: returns<ViewCounts>(),
  },
  'items-list': {
    summary: 'One page of a view (newest or oldest first; with search words, relevance gives the best matches, one page), with optional filters; pass the returned cursor to get the next page.',
    input: listFilters
      .extend({
        cursor: z.object({ publishedAt: z.iso.datetime(), id: itemId, back: z.boolean().optional(), lane: z.number().int().min(0).max(3).optional(), confidence: confidence.optional() }).strict().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict()
      .refine(suggestedInInboxOnly, SUGGESTED_IN_INBOX),
    result: returns<ItemPage>(),
  },
  'items-matching-ids': {
    summary: `The ids of every comment a view and its filters match, in the list's order, up to ${MOST_IN_ONE_ACTION.toLocaleString('en')} (the most one action takes; "more" says there were more): what "Select all matching" ticks.`,
    input: listFilters.strict().refine(suggestedInInboxOnly, SUGGESTED_IN_INBOX),
    result: returns<MatchingIds>(),
  },
  'items-query': {
    summary: 'Comments matching every filter given (feed, status, route, text), newest first, with their full text.',
    input: z
      .object({
        feedId: feedId.optional(),
        status: itemStatus.optional(),
        route: route.optional(),
        search: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(10_000).default(100),
      })
      .strict(),
    result: returns<ItemDetail[]>(),
  },
  'item-get': {
    summary: 'One comment with its sanitized HTML, thread and note.',
    input: z.object({ id: itemId }).strict(),
    result: returns<ItemDetail>(),
  },
  'item-context': {
    summary: "A comment's thread (every stored comment of it, oldest first) and its author's history across feeds.",
    input: z.object({ id: itemId }).strict(),
    result: returns<ItemContext>(),
  },
  'items-route': {
    summary: 'Route comments to customer service, the community spotlight, or ignore them.',
    input: z.object({ ids: itemIds, route, next }).strict(),
    result: returns<TriageResult>(),
  },
  'items-done': {
    summary: 'Mark comments done.',
    input: z.object({ ids: itemIds, next }).strict(),
    result: returns<TriageResult>(),
  },
  'items-snooze': {
    summary: 'Hide comments until a time, or until their author writes again in the same thread.',
    input: z
      .object({ ids: itemIds, until: z.iso.datetime().optional(), untilReply: z.boolean().optional(), next })
      .strict()
      .refine((input) => (input.until === undefined) !== (input.untilReply !== true), 'give either until (a time) or untilReply: true'),
    result: returns<TriageResult>(),
  },
  'items-reopen': {
    summary: 'Put comments back in the Inbox, unrouted.',
    input: z.object({ ids: itemIds }).strict(),
    result: returns<ActionResult>(),
  },
  'item-note': {
    summary: "Set a comment's moderator note (empty text removes it).",
    input: z.object({ id: itemId, note: z.string().max(10_000) }).strict(),
    result: returns<ActionResult>(),
  },
  'items-undo': {
    summary:
      'Undo the last moderator action not yet undone (call again to go further back); with auditIds, the newest of those entries not yet undone (a console undoes only what it did itself).',
    input: z.object({ auditIds: z.array(z.number().int().positive()).max(1_000).optional() }).strict(),
    result: returns<UndoAnswer>(),
  },
} as const;
