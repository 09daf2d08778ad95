// The ingest worker thread: runs the fetch-and-parse and discovery jobs sent by runner.ts and
// posts back each outcome, and for a fetch job first word that its network part is over.
import { parentPort } from 'node:worker_threads';
import { ingestFeed } from '../features/feeds/pipeline';
import { discoverOutcome, type WorkerReply, type WorkerRequest } from '../features/feeds/runner';

const port = parentPort;
if (!port) throw new Error('ingest-worker: must run as a worker thread');

const running = new Map<number, AbortController>();

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const { id } = request;
  const fetched = () => port.postMessage({ id, fetched: true } satisfies WorkerReply);
  const work = request.type === 'run' ? ingestFeed(request.job, controller.signal, fetched) : discoverOutcome(request.url);
  void work.then((outcome) => {
    running.delete(request.id);
    port.postMessage({ id: request.id, outcome } satisfies WorkerReply);
  });
});
