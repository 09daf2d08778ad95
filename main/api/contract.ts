// The service contract: every operation the console, the HTTP bridge and the CLI can perform,
// declared once with its validated input and its result type. Adding an operation is one entry
// here plus its handler; every door and the preload pick it up from this table.
// Node-free: the renderer imports it for types and names.
import { z } from 'zod';
import { VIEW_NAMES, type AppInfo, type FeedSummary, type ItemDetail, type ItemPage, type ViewCounts } from './types';

/** Marks an entry's result type; the value itself is never used. */
const returns = <T>() => undefined as unknown as T;

const noInput = z.object({}).strict();
const itemId = z.number().int().positive();

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
  'items-list': {
    summary: 'One page of a view, newest first; pass the returned cursor to get the next page.',
    input: z
      .object({
        view: z.enum(VIEW_NAMES).default('inbox'),
        cursor: z.object({ publishedAt: z.iso.datetime(), id: itemId }).strict().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    result: returns<ItemPage>(),
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
