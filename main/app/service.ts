// The app: one context (database, events, clock, the feeds feature's runner and runtime) and the
// joined handler table behind every door. Each call is validated once here, timed, and its errors
// turned into SwitchboardErrors.
import type { Db } from '../../db/connection';
import { storageFault } from '../../db/storage-faults';
import { createClient } from '../../common/client';
import type { OperationName, SwitchboardApi } from '../../common/contract';
import { toSwitchboardError } from '../../common/errors';
import { validateCall } from '../../common/validate';
import type { Handler } from '../core/context';
import { EventBus } from '../core/event-bus';
import { watchOtherProcesses } from '../core/changes';
import { workerRunner, type IngestRunner } from '../features/feeds/runner';
import { FeedsRuntime } from '../features/feeds/runtime';
import type { AddressClass } from '../../common/ip-address';
import { startScheduler } from '../features/feeds/scheduler';
import type { ServiceContext } from './context';
import { handlers } from './handlers';

/** A call slower than this is logged with its name and duration. */
export const SLOW_CALL_MS = 40;

export interface Service {
  readonly events: EventBus;
  readonly context: ServiceContext;
  /**
   * Validates and runs one operation by name; every door goes through here (IPC, HTTP and
   * `switchboard api` hand it names they have not checked). Errors are SwitchboardErrors.
   */
  call(name: unknown, input: unknown): Promise<unknown>;
  /** The same calls, typed by the contract: what the CLI and the tests use. */
  readonly client: SwitchboardApi;
  /** Fetches due feeds in the background, and notices other processes' writes, until the returned function is called. */
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
  /** How subscribing tells public addresses from local ones; tests play a public host on loopback. */
  classifyAddress?: (address: string) => AddressClass;
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
    feeds: new FeedsRuntime({ classifyAddress: options.classifyAddress }),
  };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const call = async (name: unknown, input: unknown): Promise<unknown> => {
    const started = performance.now();
    try {
      const call = validateCall(name, input);
      const handler = handlers[call.name] as Handler<OperationName, ServiceContext>;
      return await handler(context, call.input);
    } catch (error) {
      throw storageFault(error, context.dbPath, context.db) ?? toSwitchboardError(error);
    } finally {
      const took = performance.now() - started;
      if (took > SLOW_CALL_MS) log(`switchboard: slow call ${typeof name === 'string' ? name : '(invalid)'} took ${Math.round(took)} ms`);
    }
  };
  return {
    events: context.events,
    context,
    call,
    client: createClient(call),
    // A read-only database cannot take what a fetch brings: no fetch is tried, rather than every
    // feed failing each tick with the same "read-only" error.
    startScheduler: (tickMs) => {
      // A read-only file still changes under other processes: the console follows them.
      const stopWatching = watchOtherProcesses(context);
      const stopFetching = context.db.readonly ? () => {} : startScheduler(context, tickMs);
      return () => {
        stopWatching();
        stopFetching();
      };
    },
    async close() {
      await context.feeds.close();
      await context.runner.close();
      if (context.db.open) context.db.close();
    },
  };
}
