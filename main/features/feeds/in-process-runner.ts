// Feeds fetched and parsed in the calling thread: what the ingest worker runs (discoverOutcome),
// and what tests use instead of the worker threads (runner.ts). Importing this loads the parsers.
import { discoverAddress } from './discover';
import { ingestFeed, outcomeOfError } from './pipeline';
import type { IngestRunner } from './runner';
import type { DiscoverOutcome, FailedOutcome } from './worker-messages';

export function discoverOutcome(url: string): Promise<DiscoverOutcome> {
  return discoverAddress(url).then(
    (discovery) => ({ status: 'ok', ...discovery }),
    (error: unknown) => outcomeOfError(error) as FailedOutcome,
  );
}

export function inProcessRunner(): IngestRunner {
  return { run: (job, signal, onFetched) => ingestFeed(job, signal, onFetched), discover: discoverOutcome, close: async () => {} };
}
