// The read worker thread: runs the console's long reads (main/app/off-thread-reads.ts) on a read-only
// connection of its own, one at a time, and posts back each result or error. In WAL mode a reader
// never waits for the console's writes, nor they for it. It also checkpoints the write-ahead log,
// which the console's own connection leaves to it (db/checkpoints.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../../db/connection';
import { openReadOnly } from '../../db/open';
import { openCheckpointer } from '../../db/checkpoints';
import { offThreadReads } from '../app/off-thread-reads';
import type { ReadReply, ReadRequest, ThrownError } from '../core/read-messages';
import type { OffThreadRead } from '../core/reads';

const port = parentPort;
if (!port) throw new Error('read-worker: must run as a worker thread');

const { file, checkpointEveryMs } = workerData as { file: string; checkpointEveryMs: number };
const db = openReadOnly(file);
const checkpointer = openCheckpointer(file);
setInterval(() => {
  try {
    checkpointer.checkpoint();
  } catch {
    // A full disk or a file being swapped: the log keeps everything, the next tick tries again.
  }
}, checkpointEveryMs);

function thrown(error: unknown): ThrownError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, stage } = error as { code?: unknown; stage?: unknown };
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), ...(typeof stage === 'string' ? { stage } : {}) };
}

port.on('message', (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    const read = offThreadReads.get(request.name) as OffThreadRead<unknown, unknown> | undefined;
    if (!read) throw new Error(`read-worker: no read is named "${request.name}" (main/app/off-thread-reads.ts joins them)`);
    reply = { id: request.id, result: read.run(db, request.input) };
  } catch (error) {
    reply = { id: request.id, error: thrown(error) };
  }
  port.postMessage(reply);
});
