// What every feature's handlers receive, and the shape of a handler. Features declare their
// handlers against this (or a context that extends it, like the feeds feature's); the app in
// main/app/ builds the one context and joins the tables, so no feature imports the app.
import type { Db } from '../../db/connection';
import type { OperationName, OperationResult, ParsedInput } from '../../common/contract';
import type { EventBus } from './event-bus';
import type { Reads } from './reads';

export interface CoreContext {
  db: Db;
  dbPath: string;
  version: string;
  events: EventBus;
  now: () => number;
  /** Where long reads run: a worker thread in a console, in-process elsewhere (reads.ts). */
  reads: Reads;
}

export type Handler<N extends OperationName, C extends CoreContext = CoreContext> = (
  ctx: C,
  input: ParsedInput<N>,
) => OperationResult<N> | Promise<OperationResult<N>>;

/** Every operation's handler, for one kind of context. */
export type HandlerTable<C extends CoreContext = CoreContext> = { [N in OperationName]: Handler<N, C> };

/** A feature's share of the table. */
export type FeatureHandlers<C extends CoreContext = CoreContext> = Partial<HandlerTable<C>>;
