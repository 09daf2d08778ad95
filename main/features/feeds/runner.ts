// Where feeds are fetched and parsed. The app does it in worker threads, so fetching and parsing
// never stall the process that serves the console, and the parsers are loaded in those threads
// only (the `switchboard` command starts without them); tests may do it in-process
// (in-process-runner.ts). Both keep the same contract.
import os from 'node:os';
import path from 'node:path';
import { IngestThread, DEFAULT_READ_DEADLINE_MS } from './ingest-thread';
import type { IngestJob, IngestOutcome } from './pipeline';
import type { DiscoverOutcome } from './worker-messages';

export interface IngestRunner {
  /** `onFetched` is called once the job is done with the network, so the next fetch can start while this one is parsed. */
  run(job: IngestJob, signal?: AbortSignal, onFetched?: () => void): Promise<IngestOutcome>;
  /** The feeds a page or feed address offers (discover.ts), fetched and read off the main process too. */
  discover(url: string): Promise<DiscoverOutcome>;
  close(): Promise<void>;
}

/** The bundled worker entry sits next to the bundle that starts it (out/main/ingest-worker.js). */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'ingest-worker.js');
}

/**
 * Runs jobs on a small pool of worker threads (one per core, at most two), each job on the least
 * busy worker, so parsing and sanitizing several feeds use both cores while the owning process
 * stays free to store results and serve the console. A feed whose reading takes longer than
 * `readDeadlineMs` is stopped with its thread (ingest-thread.ts).
 */
export function workerRunner(
  workerPath = defaultWorkerPath(),
  size = Math.min(2, os.availableParallelism()),
  options: { readDeadlineMs?: number } = {},
): IngestRunner {
  const deadline = options.readDeadlineMs ?? DEFAULT_READ_DEADLINE_MS;
  const threads = Array.from({ length: Math.max(1, size) }, () => new IngestThread(workerPath, deadline));
  let nextId = 1;
  const idlest = () => threads.reduce((best, thread) => (thread.load < best.load ? thread : best));
  return {
    run: (job, signal, onFetched) => idlest().send<IngestOutcome>({ type: 'run', id: nextId++, job }, signal, onFetched),
    discover: (url) => idlest().send<DiscoverOutcome>({ type: 'discover', id: nextId++, url }),
    async close() {
      await Promise.all(threads.map((thread) => thread.close()));
    },
  };
}
