// What the feeds feature needs beyond the core context: the runner that fetches and parses (a
// worker thread in the app, in-process in tests) and the runtime state of fetching.
import type { CoreContext } from '../../core/context';
import type { IngestRunner } from './runner';
import type { FeedsRuntime } from './runtime';
import type { NewCommentsPort } from '../../core/new-comments';

export interface FeedsContext extends CoreContext {
  runner: IngestRunner;
  feeds: FeedsRuntime;
  /** The port new comments leave through (store.ts): called inside the transaction that stores them. */
  onNewComments: NewCommentsPort;
}
