// The app: one context (database, events, clock, the feeds feature's runner and runtime) and the
// joined handler table behind every door. Each call is validated once here, timed, and its errors
// turned into SwitchboardErrors.
import type { Db } from '../../db/connection';
import { createClient } from '../../common/client';
import type { OperationName, OperationInput, OperationResult, SwitchboardApi } from '../../common/contract';
import { toSwitchboardError } from '../../common/errors';
import { validateCall } from '../../common/validate';
import type { Handler } from '../core/context';
import { EventBus } from '../core/event-bus';
import type { FeedsContext } from '../features/feeds/context';
import { workerRunner, type IngestRunner } from '../features/feeds/runner';
import { FeedsRuntime } from '../features/feeds/runtime';
import { startScheduler } from '../features/feeds/scheduler';
import { handlers } from './handlers';

/** The app's context is the widest one any feature asks for. */
export type ServiceContext = FeedsContext;

/** A call slower than this is logged with its name and duration. */
export const SLOW_CALL_MS = 40;

export interface Service {
  readonly events: EventBus;
  readonly context: ServiceContext;
  /** Validates and runs one operation; every door goes through here. Errors are SwitchboardErrors. */
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>>;
  /** For doors that receive a name they have not checked (IPC, HTTP, `switchboard api`): validated all the same. */
  callUnchecked(name: unknown, input: unknown): Promise<unknown>;
  /** Fetches due feeds in the background until the returned function is called. */
  startScheduler(tickMs?: number): () => void;
  /** Stops background work (fetches, the worker, the sample server) and closes the database. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  db: Db;
  dbPath: string;
  version: string;
  now?: () => number;
  runner?: IngestRunner;
  /** Where slow calls are reported; stderr by default, never stdout (it may carry --json output). */
  log?: (line: string) => void;
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
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const callUnchecked = async (name: unknown, input: unknown): Promise<unknown> => {
    const started = performance.now();
    try {
      const call = validateCall(name, input);
      const handler = handlers[call.name] as Handler<OperationName, ServiceContext>;
      return await handler(context, call.input);
    } catch (error) {
      throw toSwitchboardError(error);
    } finally {
      const took = performance.now() - started;
      if (took > SLOW_CALL_MS) log(`switchboard: slow call ${typeof name === 'string' ? name : '(invalid)'} took ${Math.round(took)} ms`);
    }
  };
  return {
    events: context.events,
    context,
    call: (name, input) => callUnchecked(name, input) as Promise<OperationResult<typeof name>>,
    callUnchecked,
    startScheduler: (tickMs) => startScheduler(context, tickMs),
    async close() {
      await context.feeds.close();
      await context.runner.close();
      if (context.db.open) context.db.close();
    },
  };
}

/** The typed client over an opened service, for the CLI and the tests: every call is validated by callUnchecked like any door's. */
export function serviceClient(service: Pick<Service, 'callUnchecked'>): SwitchboardApi {
  return createClient((name, input) => service.callUnchecked(name, input));
}
