// The service contract: every operation the console, the HTTP bridge and the CLI can perform,
// declared once with its validated input and its result type. Adding an operation is one entry
// here plus its handler; every door and the preload pick it up from this table.
// Node-free: the renderer imports it for types and names.
import { z } from 'zod';
import {
  VIEW_NAMES,
  type ActionResult,
  type AppInfo,
  type DashboardStats,
  type Draft,
  type Member,
  type MemberProfile,
  type ExportResult,
  type Incident,
  type ItemContext,
  type Settings,
  type Template,
  type UndoResult,
  type FeedCandidate,
  type FeedSummary,
  type FetchResult,
  type ItemDetail,
  type ItemPage,
  type OpmlImportResult,
  type SubscribeResult,
  type ViewCounts,
} from './types';

/** Marks an entry's result type; the value itself is never used. */
const returns = <T>() => undefined as unknown as T;

const noInput = z.object({}).strict();
const itemId = z.number().int().positive();
const feedId = z.number().int().positive();
const webAddress = z.string().trim().min(1, 'paste a web address').max(2048, 'that address is longer than 2,048 characters');
/** Minutes between fetches: 0 is manual only. */
const interval = z.union([z.literal(0), z.literal(5), z.literal(15), z.literal(60), z.literal(240), z.literal(1440)]);
const followDays = z.number().int().min(1).max(365);
const itemIds = z.array(itemId).min(1, 'give at least one comment id').max(10_000);
const route = z.enum(['service', 'spotlight', 'ignore']);
const itemStatus = z.enum(['new', 'routed', 'snoozed', 'done']);
const lane = z.enum(['service', 'spotlight']);

export const contract = {
  'app-info': {
    summary: 'Version, database file and schema version of this Switchboard.',
    input: noInput,
    result: returns<AppInfo>(),
  },
  'views-counts': {
    summary: 'How many comments each view (Inbox, Customer service, Spotlight, ...) holds.',
    input: noInput,
    result: returns<ViewCounts>(),
  },
  'feeds-list': {
    summary: 'Every subscribed feed with its status, last error and stored comment count.',
    input: noInput,
    result: returns<FeedSummary[]>(),
  },
  'feeds-discover': {
    summary: 'The feeds a web page or feed address offers, comment feeds first.',
    input: z.object({ url: webAddress }).strict(),
    result: returns<FeedCandidate[]>(),
  },
  'feeds-subscribe': {
    summary: 'Subscribe to a feed or page address (its best comment feed) and fetch it once.',
    input: z
      .object({ url: webAddress, title: z.string().max(300).optional(), intervalMinutes: interval.optional(), followDays: followDays.optional() })
      .strict(),
    result: returns<SubscribeResult>(),
  },
  'feeds-update': {
    summary: 'Rename a feed, change how often it is fetched, mute or unmute it, or set how long new posts are followed.',
    input: z
      .object({
        id: feedId,
        title: z.string().trim().max(300).optional(),
        intervalMinutes: interval.optional(),
        status: z.enum(['active', 'muted']).optional(),
        followDays: followDays.nullable().optional(),
      })
      .strict(),
    result: returns<FeedSummary>(),
  },
  'feeds-unsubscribe': {
    summary: "Stop following a feed; keep its comments and decisions unless deleteItems is true.",
    input: z.object({ id: feedId, deleteItems: z.boolean().default(false) }).strict(),
    result: returns<{ feedId: number; deletedItems: number; keptItems: number }>(),
  },
  'feeds-fetch': {
    summary: 'Fetch the feeds that are due (all active feeds with all, or the ones named) and store new comments.',
    input: z.object({ feedIds: z.array(feedId).max(10_000).optional(), all: z.boolean().default(false) }).strict(),
    result: returns<FetchResult[]>(),
  },
  'feeds-fetch-cancel': {
    summary: 'Cancel the fetch under way; feeds already stored stay stored.',
    input: noInput,
    result: returns<{ cancelled: boolean }>(),
  },
  'feeds-retry': {
    summary: 'Fetch a failing or parked feed now and resume its schedule.',
    input: z.object({ id: feedId }).strict(),
    result: returns<FetchResult>(),
  },
  'feeds-load-samples': {
    summary: 'Subscribe to the bundled sample comment feeds and ingest them, offline.',
    input: noInput,
    result: returns<FetchResult[]>(),
  },
  'feeds-remove-samples': {
    summary: 'Remove the sample feeds and their comments.',
    input: noInput,
    result: returns<{ removedFeeds: number }>(),
  },
  'opml-import': {
    summary: 'Subscribe to every feed in an OPML document, in one transaction (fetch them with feeds-fetch).',
    input: z.object({ opml: z.string().min(1).max(20 * 1024 * 1024) }).strict(),
    result: returns<OpmlImportResult>(),
  },
  'opml-export': {
    summary: 'Every subscription (samples excepted) as an OPML document.',
    input: noInput,
    result: returns<{ opml: string; feeds: number }>(),
  },
  'items-list': {
    summary: 'One page of a view (newest or oldest first), with optional filters; pass the returned cursor to get the next page.',
    input: z
      .object({
        view: z.enum(VIEW_NAMES).default('inbox'),
        sort: z.enum(['newest', 'oldest']).default('newest'),
        feedId: feedId.optional(),
        status: itemStatus.optional(),
        route: route.optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        search: z.string().max(500).optional(),
        cursor: z.object({ publishedAt: z.iso.datetime(), id: itemId }).strict().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    result: returns<ItemPage>(),
  },
  'item-context': {
    summary: "A comment's thread (every stored comment of it, oldest first) and its author's history across feeds.",
    input: z.object({ id: itemId }).strict(),
    result: returns<ItemContext>(),
  },
  'items-route': {
    summary: 'Route comments to customer service, the community spotlight, or ignore them.',
    input: z.object({ ids: itemIds, route }).strict(),
    result: returns<ActionResult>(),
  },
  'items-done': {
    summary: 'Mark comments done.',
    input: z.object({ ids: itemIds }).strict(),
    result: returns<ActionResult>(),
  },
  'items-snooze': {
    summary: 'Hide comments until a time, or until their author writes again in the same thread.',
    input: z
      .object({ ids: itemIds, until: z.iso.datetime().optional(), untilReply: z.boolean().optional() })
      .strict()
      .refine((input) => (input.until === undefined) !== (input.untilReply !== true), 'give either until (a time) or untilReply: true'),
    result: returns<ActionResult>(),
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
  'settings-get': {
    summary: 'The console settings: shortcut keys, single-key mode, saved searches.',
    input: noInput,
    result: returns<Settings>(),
  },
  'settings-update': {
    summary: 'Change some settings; the others keep their values.',
    input: z
      .object({
        singleKeyShortcuts: z.boolean().optional(),
        overdueHours: z.number().min(1).max(24 * 30).optional(),
        moderatorName: z.string().trim().max(120).optional(),
        keyBindings: z.record(z.string().max(40), z.string().min(1).max(20)).optional(),
        savedSearches: z
          .array(
            z
              .object({
                id: z.string().min(1).max(40),
                name: z.string().trim().min(1, 'name the saved search').max(80),
                filters: z
                  .object({
                    view: z.enum(VIEW_NAMES),
                    sort: z.enum(['newest', 'oldest']).optional(),
                    feedId: feedId.optional(),
                    route: route.optional(),
                    status: itemStatus.optional(),
                    from: z.iso.date().optional(),
                    to: z.iso.date().optional(),
                    search: z.string().max(500).optional(),
                  })
                  .strict(),
              })
              .strict(),
          )
          .max(50)
          .optional(),
      })
      .strict(),
    result: returns<Settings>(),
  },
  'templates-list': {
    summary: 'Saved replies, for one lane or both.',
    input: z.object({ lane: lane.optional() }).strict(),
    result: returns<Template[]>(),
  },
  'template-save': {
    summary: 'Create a saved reply, or change one (with id). Only built-in and declared placeholders are accepted.',
    input: z
      .object({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(1, 'name the saved reply').max(80),
        lane,
        body: z.string().min(1, 'a saved reply needs some text').max(20_000),
        variables: z.array(z.string().regex(/^[a-zA-Z][\w-]*$/, 'a variable is a word like ticket')).max(20).default([]),
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
  'drafts-mark-exported': {
    summary: 'Mark replies exported, once their export file is written (drafts-export returns their ids).',
    input: z.object({ ids: itemIds }).strict(),
    result: returns<ActionResult>(),
  },
  'drafts-export': {
    summary: 'The export file of replies (ready ones, or all drafted) as CSV, JSON or Markdown; call drafts-mark-exported once it is saved.',
    input: z.object({ format: z.enum(['csv', 'json', 'md']), status: z.enum(['ready', 'all']).default('ready'), ids: z.array(itemId).max(10_000).optional() }).strict(),
    result: returns<ExportResult>(),
  },
  'spotlight-act': {
    summary: 'Recognise a comment: feature it (note why), thank or invite its author (a draft is started), or mark it the community answer to a question.',
    input: z
      .object({
        id: itemId,
        action: z.enum(['feature', 'thank', 'invite', 'answer']),
        note: z.string().max(2000).optional(),
        answersId: itemId.optional(),
        inviteKind: z.enum(['guest-post', 'volunteer', 'moderator']).optional(),
      })
      .strict(),
    result: returns<{ actionId: number }>(),
  },
  'members-list': {
    summary: 'Members active since a date (all time without one), the most helpful first.',
    input: z.object({ since: z.iso.date().optional() }).strict(),
    result: returns<Member[]>(),
  },
  'member-get': {
    summary: "A member's profile: names, numbers, milestones, comments and the moderator's note.",
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<MemberProfile>(),
  },
  'member-of-author': {
    summary: 'The member an author name belongs to.',
    input: z.object({ author: z.string().min(1).max(300) }).strict(),
    result: returns<Member | null>(),
  },
  'member-merge': {
    summary: 'Merge member "from" into member "into" (one person, several names); member-split undoes it.',
    input: z.object({ into: z.number().int().positive(), from: z.number().int().positive() }).strict(),
    result: returns<Member>(),
  },
  'member-split': {
    summary: 'Split a merged member off again, with the names it came with.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    result: returns<Member>(),
  },
  'member-note': {
    summary: "Set the moderator's private note on a member (empty text removes it).",
    input: z.object({ id: z.number().int().positive(), note: z.string().max(10_000) }).strict(),
    result: returns<Member>(),
  },
  'digest-export': {
    summary: 'The "Community highlights" digest of the comments featured in a period, as Markdown, HTML or an Atom feed.',
    input: z.object({ from: z.iso.date(), to: z.iso.date(), format: z.enum(['md', 'html', 'atom']) }).strict(),
    result: returns<ExportResult>(),
  },
  stats: {
    summary: "The dashboard's numbers for a period (default: the last 8 weeks): lanes per week and feed, service wait, contributors, community answers.",
    input: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).strict(),
    result: returns<DashboardStats>(),
  },
  'items-undo': {
    summary: 'Undo the last moderator action not yet undone (call again to go further back).',
    input: noInput,
    result: returns<UndoResult>(),
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
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller may pass (defaults still optional). */
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after validation filled in defaults. */
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationResult<N extends OperationName> = Contract[N]['result'];

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The client view of the service: one async method per operation. Renderer, preload and tests use it. */
export type SwitchboardApi = {
  [N in OperationName]: {} extends OperationInput<N>
    ? (input?: OperationInput<N>) => Promise<OperationResult<N>>
    : (input: OperationInput<N>) => Promise<OperationResult<N>>;
};
