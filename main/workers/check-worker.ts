// The integrity-check worker thread: PRAGMA quick_check reads every page of the database (seconds
// on a large one), so the console runs it here, on a connection of its own, and hears the verdict.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../../db/open';

const port = parentPort;
if (!port) throw new Error('check-worker: must run as a worker thread');
port.postMessage(checkFile((workerData as { file: string }).file));
