// What the feeds feature needs beyond the core context: the runner that fetches and parses (a
// worker thread in the app, in-process in tests) and the runtime state of fetching.
import type { CoreContext } from '../../core/context';
import type { IngestRunner } from './runner';
import type { FeedsRuntime } from './runtime';
import type { ArrivalsPort } from '../../core/new-comments';

export interface FeedsContext extends CoreContext {
  runner: IngestRunner;
  feeds: FeedsRuntime;
  /** The port a fetch's comments arrive through (store.ts): what each new one is stored with, inside the transaction that stores them. */
  arrivals: ArrivalsPort;
}
