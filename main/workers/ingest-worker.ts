// The ingest worker thread: runs the fetch-and-parse and discovery jobs sent by ingest-thread.ts
// and posts back each outcome; for a fetch job first word that its network part is over (with the
// bytes, so the lead can have it read again elsewhere), then word that its reading starts.
import { parentPort } from 'node:worker_threads';
import { abortError } from '../features/feeds/fetch/failures';
import { ingestFeed, type Reading } from '../features/feeds/pipeline';
import { discoverOutcome } from '../features/feeds/in-process-runner';
import type { WorkerReply, WorkerRequest } from '../features/feeds/worker-messages';

const port = parentPort;
if (!port) throw new Error('ingest-worker: must run as a worker thread');

const running = new Map<number, AbortController>();

// Readings run one at a time, each announced before it starts. Parsing and sanitizing are
// synchronous, so the lead cannot interrupt one; it can only stop this thread, and this is how it
// knows whose reading it stops (the others are then done again on a fresh thread).
let lastReading: Promise<unknown> = Promise.resolve();
const readingOf = (id: number, signal: AbortSignal): Reading => {
  return (read) => {
    const turn = lastReading.then(() => {
      if (signal.aborted) throw abortError(signal.reason);
      port.postMessage({ id, reading: true } satisfies WorkerReply);
      return read();
    });
    lastReading = turn.catch(() => undefined);
    return turn;
  };
};

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const { id } = request;
  const work =
    request.type === 'run'
      ? ingestFeed(request.job, controller.signal, (downloaded) => port.postMessage({ id, fetched: true, downloaded } satisfies WorkerReply), readingOf(id, controller.signal))
      : discoverOutcome(request.url);
  void work.then((outcome) => {
    running.delete(id);
    port.postMessage({ id, outcome } satisfies WorkerReply);
  });
});
