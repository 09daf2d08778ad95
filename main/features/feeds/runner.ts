// Where feeds are fetched and parsed. The app does it in worker threads, so fetching and parsing
// never stall the process that serves the console; tests may do it in-process. Both keep the
// same contract.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { discoverAddress, type Discovery } from './discover';
import { ingestFeed, outcomeOfError, type IngestJob, type IngestOutcome } from './pipeline';

export type FailedOutcome = Extract<IngestOutcome, { status: 'error' | 'cancelled' }>;
/** An address's feeds and, when the address was a feed, its download (see Discovery). */
export type DiscoverOutcome = ({ status: 'ok' } & Discovery) | FailedOutcome;

export interface IngestRunner {
  /** `onFetched` is called once the job is done with the network, so the next fetch can start while this one is parsed. */
  run(job: IngestJob, signal?: AbortSignal, onFetched?: () => void): Promise<IngestOutcome>;
  /** The feeds a page or feed address offers (discover.ts), fetched and read off the main process too. */
  discover(url: string): Promise<DiscoverOutcome>;
  close(): Promise<void>;
}

export type WorkerRequest = { type: 'run'; id: number; job: IngestJob } | { type: 'discover'; id: number; url: string } | { type: 'cancel'; id: number };
export type WorkerReply = { id: number; outcome: IngestOutcome | DiscoverOutcome } | { id: number; fetched: true };

export function discoverOutcome(url: string): Promise<DiscoverOutcome> {
  return discoverAddress(url).then(
    (discovery) => ({ status: 'ok', ...discovery }),
    (error: unknown) => outcomeOfError(error) as FailedOutcome,
  );
}

export function inProcessRunner(): IngestRunner {
  return { run: (job, signal, onFetched) => ingestFeed(job, signal, onFetched), discover: discoverOutcome, close: async () => {} };
}

/** The bundled worker entry sits next to the bundle that starts it (out/main/ingest-worker.js). */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'ingest-worker.js');
}

/** One worker thread and the jobs it has not answered yet. */
type Outcome = IngestOutcome | DiscoverOutcome;

class IngestWorker {
  private worker: Worker | null = null;
  readonly pending = new Map<number, (outcome: Outcome) => void>();
  private readonly fetched = new Map<number, () => void>();

  constructor(private readonly path: string) {}

  /** The worker died or was stopped: its jobs end as cancelled, which no feed is blamed for. */
  private abandon(worker: Worker): void {
    if (this.worker !== worker) return; // a stale thread's late 'exit' must not touch its successor
    this.worker = null;
    for (const resolve of this.pending.values()) resolve({ status: 'cancelled' });
    this.pending.clear();
    this.fetched.clear();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(this.path);
    started.on('message', (reply: WorkerReply) => {
      if ('fetched' in reply) {
        this.fetched.get(reply.id)?.();
        this.fetched.delete(reply.id);
        return;
      }
      this.fetched.delete(reply.id);
      this.pending.get(reply.id)?.(reply.outcome);
      this.pending.delete(reply.id);
      // An idle worker must not keep a CLI process alive.
      if (this.pending.size === 0) started.unref();
    });
    started.on('error', (error) => {
      process.stderr.write(`switchboard: ingest worker: ${error.message}\n`);
      this.abandon(started);
    });
    started.on('exit', () => this.abandon(started));
    this.worker = started;
    return started;
  }

  send<T extends Outcome>(request: Exclude<WorkerRequest, { type: 'cancel' }>, signal?: AbortSignal, onFetched?: () => void): Promise<T> {
    const target = this.ensure();
    const { id } = request;
    if (onFetched) this.fetched.set(id, onFetched);
    return new Promise<T>((resolve) => {
      // One run's signal is shared by all its feeds: each job takes its listener back when it ends.
      const cancel = () => target.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
      signal?.addEventListener('abort', cancel, { once: true });
      this.pending.set(id, (outcome) => {
        signal?.removeEventListener('abort', cancel);
        resolve(outcome as T);
      });
      target.ref();
      target.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const current = this.worker;
    if (current) {
      this.abandon(current);
      await current.terminate();
    }
  }
}

/**
 * Runs jobs on a small pool of worker threads (one per core, at most two), each job on the least
 * busy worker, so parsing and sanitizing several feeds use both cores while the owning process
 * stays free to store results and serve the console.
 */
export function workerRunner(workerPath = defaultWorkerPath(), size = Math.min(2, os.availableParallelism())): IngestRunner {
  const workers = Array.from({ length: Math.max(1, size) }, () => new IngestWorker(workerPath));
  let nextId = 1;
  const idlest = () => workers.reduce((best, worker) => (worker.pending.size < best.pending.size ? worker : best));
  return {
    run: (job, signal, onFetched) => idlest().send<IngestOutcome>({ type: 'run', id: nextId++, job }, signal, onFetched),
    discover: (url) => idlest().send<DiscoverOutcome>({ type: 'discover', id: nextId++, url }),
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
