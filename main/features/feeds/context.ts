// What the feeds feature needs beyond the core context: the runner that fetches and parses (a
// worker thread in the app, in-process in tests) and the runtime state of fetching.
import type { CoreContext } from '../../core/context';
import type { IngestRunner } from './runner';
import type { FeedsRuntime } from './runtime';

export interface FeedsContext extends CoreContext {
  runner: IngestRunner;
  feeds: FeedsRuntime;
  /** The port new comments leave through (store.ts): called inside the transaction that stores them. */
  onNewComments: NewCommentsPort;
}

/**
 * Told of a fetch's new comments (their ids, in the order stored) inside the transaction that
 * stores them, so what it writes (their suggestions) commits with them or not at all. The app
 * wires it to the suggestions feature; the feeds feature knows nothing of what it does.
 */
export type NewCommentsPort = (db: CoreContext['db'], newItemIds: readonly number[], now: number) => void;
