import type { Db } from '../../db/connection';
import { FeedsRuntime } from '../features/feeds/runtime';
import { workerRunner, type IngestRunner } from '../features/feeds/runner';
import type { OperationName, OperationResult, ParsedInput } from '../../common/contract';
import { toSwitchboardError } from '../../common/errors';
import { EventBus } from '../core/event-bus';
import { handlers } from './handlers';
import { validateCall } from '../../common/validate';

export interface ServiceContext {
  db: Db;
  dbPath: string;
  version: string;
  events: EventBus;
  now: () => number;
  /** Runs fetch-and-parse jobs: a worker thread in the app, in-process in tests. */
  runner: IngestRunner;
  feeds: FeedsRuntime;
}

export type Handler<N extends OperationName> = (
  ctx: ServiceContext,
  input: ParsedInput<N>,
) => OperationResult<N> | Promise<OperationResult<N>>;

export type Handlers = { [N in OperationName]: Handler<N> };

export interface Service {
  readonly events: EventBus;
  readonly context: ServiceContext;
  /** Validates and runs one operation; every door goes through here. Errors are SwitchboardErrors. */
  call(name: unknown, input: unknown): Promise<unknown>;
  /** Stops background work (fetches, the worker, the sample server) and closes the database. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  db: Db;
  dbPath: string;
  version: string;
  now?: () => number;
  runner?: IngestRunner;
}

export function createService(options: ServiceOptions): Service {
  const context: ServiceContext = {
    db: options.db,
    dbPath: options.dbPath,
    version: options.version,
    events: new EventBus(),
    now: options.now ?? Date.now,
    runner: options.runner ?? workerRunner(),
    feeds: new FeedsRuntime(),
  };
  return {
    events: context.events,
    context,
    async call(name, input) {
      try {
        const call = validateCall(name, input);
        const handler = handlers[call.name] as Handler<OperationName>;
        return await handler(context, call.input);
      } catch (error) {
        throw toSwitchboardError(error);
      }
    },
    async close() {
      await context.feeds.close();
      await context.runner.close();
      if (context.db.open) context.db.close();
    },
  };
}
