// Operations of the customer-service desk: saved replies, drafts, incidents, export.
import { z } from 'zod';
import { type ActionResult, type Draft, type ExportResult, type Incident, type Template } from '../types';
import { returns, itemId, itemIds, lane, draftsFormat, draftsSelection, templateKind, variableName } from './shared';

export const customerServiceOperations = {
  'templates-list': {
    summary: 'Saved replies, for one lane or both.',
    input: z.object({ lane: lane.optional() }).strict(),
    result: returns<Template[]>(),
  },
  'template-save': {
    summary: 'Create a saved reply, or change one (with id). Only built-in and declared placeholders are accepted; kind (thank-you, invite-guest-post, invite-volunteer, invite-moderator) is what the spotlight actions draft from.',
    input: z
      .object({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(1, 'name the saved reply').max(80),
        lane,
        body: z.string().min(1, 'a saved reply needs some text').max(20_000),
        variables: z.array(variableName).max(20).default([]),
        /** What the reply is for (spotlight only); absent or null: none. */
        kind: templateKind.nullable().default(null),
      })
      .strict(),
    result: returns<Template>(),
  },
  'template-delete': {
    summary: 'Delete a saved reply.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<{ deleted: boolean }>(),
  },
  'draft-save': {
    summary: "Save the reply drafted for a comment (itemId) or an incident (incidentId); an open service item becomes drafted.",
    input: z
      .object({ itemId: itemId.optional(), incidentId: z.number().int().positive().optional(), body: z.string().max(50_000), templates: z.array(z.string().max(80)).max(50).optional() })
      .strict()
      .refine((input) => (input.itemId === undefined) !== (input.incidentId === undefined), 'give either itemId or incidentId'),
    result: returns<Draft>(),
  },
  'draft-from-template': {
    summary:
      "Draft the reply to a comment from a saved reply (its name, any case, or its id): placeholders filled from the comment, the moderator's name and vars; with ready, also mark it ready to export.",
    input: z
      .object({
        itemId,
        template: z.union([z.number().int().positive(), z.string().min(1, 'name the saved reply').max(300)]),
        vars: z.record(variableName, z.string().max(10_000)).default({}),
        ready: z.boolean().default(false),
      })
      .strict(),
    result: returns<Draft>(),
  },
  'drafts-ready': {
    summary: 'Mark the replies to these comments ready to export (refused while a placeholder is unfilled).',
    input: z.object({ ids: itemIds }).strict(),
    result: returns<ActionResult>(),
  },
  'service-resolve': {
    summary: 'Resolve customer-service comments: answered; they are done.',
    input: z.object({ ids: itemIds }).strict(),
    result: returns<ActionResult>(),
  },
  'service-answered-by': {
    summary: "Resolve a service comment as answered by the community: answerId (another comment) goes to the spotlight with a suggested thank-you.",
    input: z.object({ id: itemId, answerId: itemId }).strict(),
    result: returns<ActionResult>(),
  },
  'incident-create': {
    summary: 'Group several service comments into one incident answered with one shared draft.',
    input: z.object({ ids: itemIds, title: z.string().trim().min(1, 'name the incident').max(200) }).strict(),
    result: returns<Incident>(),
  },
  'incident-get': {
    summary: 'An incident, its comments and its shared draft.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<Incident>(),
  },
  'incident-suggest': {
    summary: 'Service comments that look like the same problem as this one (same thread, or same feed and close in time, sharing words).',
    input: z.object({ id: itemId }).strict(),
    result: returns<number[]>(),
  },
  'drafts-export': {
    summary: 'The export file of replies (ready ones, or all drafted) as CSV, JSON or Markdown; call drafts-mark-exported once it is saved.',
    input: z
      .object({
        format: draftsFormat,
        status: draftsSelection.default('ready'),
        ids: z.array(itemId).max(10_000).optional(),
        // CSV only: a UTF-8 byte order mark first, so spreadsheets show accents and dashes rather than mojibake.
        bom: z.boolean().default(true),
      })
      .strict(),
    result: returns<ExportResult>(),
  },
  'drafts-mark-exported': {
    summary: 'Mark replies exported, once their export file is written (drafts-export returns their ids).',
    input: z.object({ ids: itemIds }).strict(),
    result: returns<ActionResult>(),
  },
} as const;
