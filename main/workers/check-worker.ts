// The integrity-check worker thread: PRAGMA quick_check and integrity_check read every page of a
// database (seconds on a large one), so the console runs them here, on a connection of their own,
// and hears the verdict: the full check of the open database at start, and the check of each
// fresh backup copy before it is named (on the console's own thread it froze every call for
// 15 s at a million comments).
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../../db/open';
import { verifyDatabaseFile } from '../../db/backup';
import { SwitchboardError } from '../../common/errors';
import type { CheckTask, VerifyVerdict } from '../app/check-task';

const port = parentPort;
if (!port) throw new Error('check-worker: must run as a worker thread');
const task = workerData as CheckTask;
if (task.kind === 'check') port.postMessage(checkFile(task.file));
else {
  let verdict: VerifyVerdict;
  try {
    verdict = { version: verifyDatabaseFile(task.file, task.stage, task.called) };
  } catch (error) {
    verdict =
      error instanceof SwitchboardError
        ? { refused: { code: error.code, stage: error.stage, message: error.message.slice(`${error.stage}: `.length) } }
        : { failed: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(verdict);
}
