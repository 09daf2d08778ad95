// Where the console's long reads run. A feature names each read that may take long enough to hold
// up a keystroke (searching a common word best match first ranks every match; the dashboard groups
// two years of comments) with offThreadRead(), and runs it through ctx.reads. In a console (browser
// mode, the desktop window) they run in a worker thread on a read-only connection of its own, so the
// routing key pressed meanwhile is answered at once: the thread that answers keys only waits for its
// own short reads and writes. The CLI and the tests read in-process: one command at a time gains
// nothing from a thread. The worker finds each read by name in the app's table (main/app/off-thread-reads.ts).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/connection';
import { CHECKPOINT_EVERY_MS } from '../../db/checkpoints';
import { SwitchboardError, type ErrorCode } from '../../common/errors';
import type { ReadReply, ReadRequest, ThrownError } from './read-messages';

/** A read that may run on another connection: one plain-data input, a plain-data result (both cross threads). */
export interface OffThreadRead<I, R> {
  readonly name: string;
  run(db: Db, input: I): R;
}

export function offThreadRead<I, R>(name: string, run: (db: Db, input: I) => R): OffThreadRead<I, R> {
  return { name, run };
}

export interface Reads {
  run<I, R>(read: OffThreadRead<I, R>, input: I): Promise<R>;
  close(): Promise<void>;
}

/** Reads on the caller's own connection, `db()` being whatever the service has open now. */
export function inProcessReads(db: () => Db): Reads {
  return {
    run: async (read, input) => read.run(db(), input),
    close: async () => {},
  };
}

/** The error thrown in the worker, as the service's error handling knows it (SwitchboardError, or an error with SQLite's code). */
function rebuilt(error: ThrownError): Error {
  if (error.name === 'SwitchboardError' && error.code && error.stage) {
    return SwitchboardError.fromPayload({ code: error.code as ErrorCode, stage: error.stage, message: error.message });
  }
  return Object.assign(new Error(error.message), { name: error.name, ...(error.code ? { code: error.code } : {}) });
}

/**
 * Reads in a worker thread (out/main/read-worker.js, beside the bundle), started at once so the
 * first search does not wait for it. It opens `file` read-only and checkpoints its log every
 * `checkpointEveryMs` (db/checkpoints.ts). close() lets the file go (a restore replaces it); the
 * next read starts a new thread on the file then in place. A worker that stops (a crash, out of
 * memory) fails the reads it held; the next read starts a new one.
 */
export function threadReads(file: string, workerPath = path.join(__dirname, 'read-worker.js'), checkpointEveryMs = CHECKPOINT_EVERY_MS): Reads {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const read of pending.values()) read.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(workerPath, { workerData: { file, checkpointEveryMs } });
    started.on('message', (reply: ReadReply) => {
      const read = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) read?.reject(rebuilt(reply.error));
      else read?.resolve(reply.result);
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`the read thread stopped (exit code ${code}); try again`));
    });
    // An idle reader does not keep the process alive: the service's close() ends it anyway.
    started.unref();
    return started;
  };

  worker = start();
  return {
    run<I, R>(read: OffThreadRead<I, R>, input: I): Promise<R> {
      worker ??= start();
      const id = nextId++;
      const request: ReadRequest = { id, name: read.name, input };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
        worker!.postMessage(request);
      });
    },
    async close() {
      const stopping = worker;
      worker = null;
      if (stopping) await stopping.terminate();
    },
  };
}
