// The check worker thread: reading every page of a database takes seconds on a large one, so the
// console does it here, on connections of its own, and hears the outcome: the full check of the
// open database at start (PRAGMA quick_check), and each backup's verified copy (copied, synced
// and integrity-checked here: on the console's own thread that froze every call for 15 s at a
// million comments).
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../../db/open';
import { verifiedCopyOfFile } from '../../db/backup';
import { SwitchboardError } from '../../common/errors';
import type { CheckTask, CopyVerdict } from '../app/check-task';

async function copy(file: string, target: string): Promise<CopyVerdict> {
  try {
    return { temporary: await verifiedCopyOfFile(file, target) };
  } catch (error) {
    if (error instanceof SwitchboardError) return { refused: { code: error.code, stage: error.stage, message: error.message.slice(`${error.stage}: `.length) } };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('check-worker: must run as a worker thread');
const task = workerData as CheckTask;
if (task.kind === 'check') port.postMessage(checkFile(task.file));
else void copy(task.file, task.target).then((verdict) => port.postMessage(verdict));
