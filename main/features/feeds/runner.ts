// Where ingestFeed runs. The app runs it in a worker thread, so fetching and parsing never stall
// the process that serves the console; tests may run it in-process. Both keep the same contract.
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

export function workerRunner(workerPath = defaultWorkerPath()): IngestRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (outcome: IngestOutcome) => void>();

  const failAll = (message: string) => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ status: 'error', category: 'parse', message, httpStatus: null, retryAt: null });
    }
    worker = null;
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerPath);
    started.on('message', (reply: WorkerReply) => {
      pending.get(reply.id)?.(reply.outcome);
      pending.delete(reply.id);
    });
    started.on('error', (error) => failAll(`the ingest worker failed (${error.message})`));
    started.on('exit', () => failAll('the ingest worker stopped'));
    // An idle worker must not keep a CLI process alive.
    started.unref();
    worker = started;
    return started;
  };

  return {
    run(job, signal) {
      const id = nextId++;
      const target = ensureWorker();
      return new Promise<IngestOutcome>((resolve) => {
        pending.set(id, resolve);
        target.ref();
        signal?.addEventListener('abort', () => target.postMessage({ type: 'cancel', id } satisfies WorkerRequest), { once: true });
        target.postMessage({ type: 'run', id, job } satisfies WorkerRequest);
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
