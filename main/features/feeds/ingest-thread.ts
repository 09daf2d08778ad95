// One ingest worker thread, seen from the lead process: the jobs it has not answered yet, and the
// deadline on each feed's reading. Parsing and sanitizing are synchronous, so a feed that takes
// too long (hostile input slow to parse) cannot be interrupted inside the thread: the lead stops
// the thread, reports that feed, and has the thread's other jobs done again on a fresh one.
import { Worker } from 'node:worker_threads';
import type { DownloadedFeed, IngestOutcome } from './pipeline';
import type { DiscoverOutcome, WorkerReply, WorkerRequest } from './worker-messages';

/** The longest a feed's parse and sanitize may take. The slowest feed found within the size and
 *  comment limits (~10 MiB of tiny comments) reads in about 3 s on one core; 20 s leaves room for
 *  a slow, busy machine. */
export const DEFAULT_READ_DEADLINE_MS = 20_000;

type Outcome = IngestOutcome | DiscoverOutcome;
type JobRequest = Exclude<WorkerRequest, { type: 'cancel' }>;

interface Job {
  request: JobRequest;
  finish(outcome: Outcome): void;
  onFetched?: () => void;
  signal?: AbortSignal;
  /** The body the thread downloaded, so the job can be read again without downloading it twice. */
  downloaded?: DownloadedFeed;
}

function tooSlow(deadlineMs: number): IngestOutcome {
  const limit = deadlineMs >= 1000 ? `${Math.round(deadlineMs / 1000)} s` : `${deadlineMs} ms`;
  const message = `took too long to read (over ${limit}); Switchboard stopped reading it`;
  return { status: 'error', category: 'timeout', message, httpStatus: null, retryAt: null };
}

export class IngestThread {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  /** The job the thread is reading now, and the timer that stops it. */
  private reading: { id: number; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly path: string,
    private readonly readDeadlineMs: number,
  ) {}

  /** Jobs not answered yet, for picking the least busy thread. */
  get load(): number {
    return this.jobs.size;
  }

  send<T extends Outcome>(request: JobRequest, signal?: AbortSignal, onFetched?: () => void): Promise<T> {
    return new Promise<T>((resolve) => {
      const { id } = request;
      // One run's signal is shared by all its feeds: each job takes its listener back when it ends.
      const cancel = () => this.cancel(id);
      signal?.addEventListener('abort', cancel, { once: true });
      this.jobs.set(id, {
        request, signal, onFetched,
        finish: (outcome) => {
          signal?.removeEventListener('abort', cancel);
          resolve(outcome as T);
        },
      });
      this.post(request);
    });
  }

  async close(): Promise<void> {
    const current = this.worker;
    if (current) {
      this.abandon(current);
      await current.terminate();
    }
  }

  private post(request: WorkerRequest): void {
    const target = this.ensure();
    target.ref();
    target.postMessage(request);
  }

  private finish(id: number, outcome: Outcome): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    if (this.reading?.id === id) {
      clearTimeout(this.reading.timer);
      this.reading = null;
    }
    job.finish(outcome);
    // An idle worker must not keep a CLI process alive.
    if (this.jobs.size === 0) this.worker?.unref();
  }

  /** A job being read cannot hear a cancel: its thread is stopped. Any other job stops itself. */
  private cancel(id: number): void {
    if (this.reading?.id === id) {
      this.finish(id, { status: 'cancelled' });
      this.restart();
    } else {
      this.worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
    }
  }

  private receive(reply: WorkerReply): void {
    const job = this.jobs.get(reply.id);
    if ('outcome' in reply) return this.finish(reply.id, reply.outcome);
    if ('fetched' in reply) {
      if (!job) return;
      job.downloaded = reply.downloaded;
      job.onFetched?.();
      job.onFetched = undefined;
      return;
    }
    // A reading starts. Cancelled meanwhile (the cancel crossed this message): nobody wants it.
    if (!job || job.signal?.aborted) return this.restart();
    const timer = setTimeout(() => {
      this.finish(reply.id, tooSlow(this.readDeadlineMs));
      this.restart();
    }, this.readDeadlineMs);
    this.reading = { id: reply.id, timer };
  }

  /** Stops the thread, with its reading, and sends every job still open to a fresh one. A job
   *  downloaded already is read from its bytes: the feed's server is not asked twice. */
  private restart(): void {
    const stopped = this.worker;
    this.worker = null;
    if (this.reading) clearTimeout(this.reading.timer);
    this.reading = null;
    void stopped?.terminate();
    for (const [id, job] of [...this.jobs]) {
      // Cancelled too (one run's feeds share a signal): its cancel went to the stopped thread.
      if (job.signal?.aborted) {
        this.finish(id, { status: 'cancelled' });
        continue;
      }
      const { request, downloaded } = job;
      this.post(request.type === 'run' && downloaded ? { ...request, job: { ...request.job, downloaded } } : request);
    }
  }

  /** The thread died on its own: its jobs end as cancelled, which no feed is blamed for. */
  private abandon(worker: Worker): void {
    if (this.worker !== worker) return; // a stopped thread's late 'exit' must not touch its successor
    this.worker = null;
    if (this.reading) clearTimeout(this.reading.timer);
    this.reading = null;
    for (const id of [...this.jobs.keys()]) this.finish(id, { status: 'cancelled' });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(this.path);
    // A stopped thread may still have messages on their way: only the current thread's count.
    started.on('message', (reply: WorkerReply) => {
      if (this.worker === started) this.receive(reply);
    });
    started.on('error', (error) => {
      process.stderr.write(`switchboard: ingest worker: ${error.message}\n`);
      this.abandon(started);
    });
    started.on('exit', () => this.abandon(started));
    this.worker = started;
    return started;
  }
}
