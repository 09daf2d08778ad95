// Where ingestFeed runs. The app runs it in a worker thread, so fetching and parsing never stall
// the process that serves the console; tests may run it in-process. Both keep the same contract.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ingestFeed, type IngestJob, type IngestOutcome } from './pipeline';

export interface IngestRunner {
  run(job: IngestJob, signal?: AbortSignal): Promise<IngestOutcome>;
  close(): Promise<void>;
}

export type WorkerRequest = { type: 'run'; id: number; job: IngestJob } | { type: 'cancel'; id: number };
export interface WorkerReply {
  id: number;
  outcome: IngestOutcome;
}

export function inProcessRunner(): IngestRunner {
  return { run: (job, signal) => ingestFeed(job, signal), close: async () => {} };
}

/** The bundled worker entry sits next to the bundle that starts it (out/main/ingest-worker.js). */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'ingest-worker.js');
}

/** One worker thread and the jobs it has not answered yet. */
class IngestWorker {
  private worker: Worker | null = null;
  readonly pending = new Map<number, (outcome: IngestOutcome) => void>();

  constructor(private readonly path: string) {}

  private failAll(message: string): void {
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve({ status: 'error', category: 'parse', message, httpStatus: null, retryAt: null });
    }
    this.worker = null;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(this.path);
    started.on('message', (reply: WorkerReply) => {
      this.pending.get(reply.id)?.(reply.outcome);
      this.pending.delete(reply.id);
      // An idle worker must not keep a CLI process alive.
      if (this.pending.size === 0) started.unref();
    });
    started.on('error', (error) => this.failAll(`the ingest worker failed (${error.message})`));
    started.on('exit', () => this.failAll('the ingest worker stopped'));
    this.worker = started;
    return started;
  }

  run(id: number, job: IngestJob, signal?: AbortSignal): Promise<IngestOutcome> {
    const target = this.ensure();
    return new Promise<IngestOutcome>((resolve) => {
      this.pending.set(id, resolve);
      target.ref();
      signal?.addEventListener('abort', () => target.postMessage({ type: 'cancel', id } satisfies WorkerRequest), { once: true });
      target.postMessage({ type: 'run', id, job } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const current = this.worker;
    this.worker = null;
    if (current) await current.terminate();
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
  return {
    run(job, signal) {
      const idlest = workers.reduce((best, worker) => (worker.pending.size < best.pending.size ? worker : best));
      return idlest.run(nextId++, job, signal);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
