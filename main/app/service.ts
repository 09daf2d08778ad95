// The app: one context (database, events, clock, the feeds feature's runner and runtime) and the
// joined handler table behind every door. Each call is validated once here, timed, and its errors
// turned into SwitchboardErrors.
import type { Db } from '../../db/connection';
import { isDamage, storageFault } from '../../db/storage-faults';
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
import type { DatabaseDamage } from '../../common/types';
import { startBackupSchedule } from './backups';
import { checkInBackground, workerChecker, workerCopier, type Checker } from './integrity';
import type { DatabaseCopier } from '../../db/backup';
import { handlers } from './handlers';
import { inProcessReads, threadReads } from '../core/reads';
import { leaveCheckpointsToAnotherConnection } from '../../db/checkpoints';
import { scoreArrivals } from '../features/suggestions/ingest';
import { startSuggestionWork } from '../features/suggestions/background';
import { learnAll } from '../features/suggestions/learn';
import { TeamRuntime } from '../features/team/runtime';
import { startTeamSync } from '../features/team/sync';
import { readTeamLink } from '../../db/tables/team-link';

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
  /** Fetches due feeds, takes the daily backup and notices other processes' writes in the background, until the returned function is called. */
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
  /** What the look at open found wrong with the file (then `db` is read-only). */
  damage?: DatabaseDamage | null;
  /** The full integrity check the scheduler runs first (a worker thread by default). */
  checker?: Checker;
  /** How backups taken by the service (daily, on request) make their verified copy (in a worker thread by default). */
  copier?: DatabaseCopier;
  /** Where slow calls are reported; stderr by default, never stdout (it may carry --json output). */
  log?: (line: string) => void;
  /**
   * Run long reads (searches, the CLI's `items`) in a worker thread: what a console wants, so a
   * key pressed meanwhile is answered at once. Its worker sits beside the bundle unless `readWorker` says where.
   */
  readsOffThread?: boolean;
  readWorker?: string;
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
    damage: options.damage ?? null,
    swapping: null,
    reads: inProcessReads(() => context.db),
    copyDatabase: options.copier ?? workerCopier(),
    // Every arriving comment is scored as it is stored (features/suggestions/ingest.ts).
    arrivals: scoreArrivals,
    team: new TeamRuntime(),
  };
  // A file opened read-only (no permission, a full disk, a copy in memory) takes no fetches nor
  // routing: nothing would wait behind its reads, and a second connection might not open it at all.
  if (options.readsOffThread && options.dbPath !== ':memory:' && !options.db.readonly) {
    context.reads = threadReads(options.dbPath, options.readWorker);
    // The read thread checkpoints the log, so no commit here waits for the disk. A restore opens a
    // new connection, which checkpoints as SQLite does by default again: slower, never wrong.
    leaveCheckpointsToAnotherConnection(options.db);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  /** Stopping the team sync: close() waits for its last round, which may be writing. */
  let teamStopping: Promise<void> = Promise.resolve();
  const stopLater = (stop: () => Promise<void>) => () => {
    teamStopping = stop();
  };
  /** Runs the full check again; set while the console's background work runs (startScheduler). */
  let recheck: (() => void) | null = null;
  const call = async (name: unknown, input: unknown): Promise<unknown> => {
    const started = performance.now();
    try {
      // A restore is replacing the database: run on the file that comes back.
      if (context.swapping) await context.swapping.catch(() => undefined);
      const call = validateCall(name, input);
      const handler = handlers[call.name] as Handler<OperationName, ServiceContext>;
      return await handler(context, call.input);
    } catch (error) {
      // A damaged page met after the check at start: check the whole file again, which turns the
      // console read-only (with its banner) when the damage is confirmed.
      if (isDamage(error) && !context.damage) recheck?.();
      throw storageFault(error, context.dbPath, context.db, context.damage) ?? toSwitchboardError(error);
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
    startScheduler(tickMs) {
      // A read-only database cannot take what a fetch brings, nor a backup's bookkeeping: no fetch
      // is tried, rather than every feed failing each tick with the same "read-only" error. A
      // damaged one (read-only too) still gets its check, and its restore starts the work.
      // A read-only file still changes under other processes: the console follows them.
      const stopWatching = watchOtherProcesses(context);
      if (context.db.readonly && !context.damage) return stopWatching;
      let stopped = false;
      let stopBackups: (() => void) | null = null;
      let stopFeeds: (() => void) | null = null;
      let stopSuggestions: (() => void) | null = null;
      // Backups and fetches start once the file has passed its full check: a damaged database is
      // read-only and not worth copying, until a backup is restored.
      const startWork = () => {
        if (stopped || context.damage) return;
        stopBackups ??= startBackupSchedule(context, log);
        // A team copy's comments come from the team server, which fetches the feeds for everybody.
        stopFeeds ??= readTeamLink(context.db) ? stopLater(startTeamSync(context, { log })) : startScheduler(context, tickMs);
        // Learning from decisions and scoring the Inbox again, in the background (features/suggestions/background.ts).
        stopSuggestions ??= startSuggestionWork(context, log);
      };
      const checker = options.checker ?? workerChecker();
      let checking: Promise<void> | null = null;
      recheck = () => {
        checking ??= checkInBackground(context, checker)
          .catch((error: unknown) => log(`switchboard: integrity check: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            checking = null;
            startWork();
          });
      };
      recheck();
      const unsubscribe = context.events.subscribe((event) => {
        if (event.name === 'database-restored') startWork();
      });
      return () => {
        stopped = true;
        recheck = null;
        stopWatching();
        stopBackups?.();
        stopFeeds?.();
        stopSuggestions?.();
        unsubscribe();
      };
    },
    async close() {
      await context.feeds.close();
      await teamStopping;
      // Decisions made through this service are learned before it goes (a CLI command exits right
      // after). Should the file refuse (busy, full), they stay queued for the next console to learn.
      try {
        if (context.db.open && !context.db.readonly && !context.damage) learnAll(context.db);
      } catch (error) {
        log(`switchboard: learning from the last decisions waits for the next start: ${error instanceof Error ? error.message : String(error)}`);
      }
      await context.runner.close();
      await context.reads.close();
      if (context.db.open) context.db.close();
    },
  };
}
