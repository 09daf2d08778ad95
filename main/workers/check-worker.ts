// The check worker thread: reading every page of a database takes seconds on a large one, so the
// console does it here, on connections of its own, and hears the outcome: the full check of the
// open database at start (PRAGMA quick_check), and each backup's verified copy (copied, synced
// and integrity-checked here: on the console's own thread that froze every call for 15 s at a
// million comments).
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, verifiedCopyOfFile } from '../../db/open';
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

// This work is never in a hurry, the console is: on a two-core machine the check took a whole core
// through the moderator's first minute (link opened -> queue interactive 1.2 s at 1M, npm run
// bench:console). On Linux a priority set without a pid is this thread's alone; elsewhere it
// would be the whole process's, the console's thread included, so it is left as it is.
if (process.platform === 'linux') os.setPriority(19);

const port = parentPort;
if (!port) throw new Error('check-worker: must run as a worker thread');
const task = workerData as CheckTask;
if (task.kind === 'check') port.postMessage(checkFile(task.file));
else void copy(task.file, task.target).then((verdict) => port.postMessage(verdict));
