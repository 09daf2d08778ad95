// WAL checkpoints off the console's thread. SQLite copies the write-ahead log back into the
// database file once the log passes 1,000 pages, on the connection whose commit crossed the line,
// and waits for the disk to confirm (fsync): at a million comments that was 110 ms of waiting
// every seventeen feeds of a fetch run, on the thread that answers keys. A console's own
// connection leaves it instead to a connection in its read thread (main/workers/read-worker.ts),
// which checkpoints every second without waiting for anyone (PASSIVE): writers go on appending
// to the log meanwhile, and the log starts over once a checkpoint has copied all of it.
import { connect, type Db } from './connection';

export const CHECKPOINT_EVERY_MS = 1_000;

/** `db` stops checkpointing the log after its commits: a checkpointer elsewhere does it. */
export function leaveCheckpointsToAnotherConnection(db: Db): void {
  db.pragma('wal_autocheckpoint = 0');
}

/** A connection on `file` that only ever checkpoints it. */
export function openCheckpointer(file: string): { checkpoint(): void; close(): void } {
  const db = connect(file);
  db.pragma('busy_timeout = 5000');
  return {
    checkpoint: () => void db.pragma('wal_checkpoint(PASSIVE)'),
    close: () => db.close(),
  };
}
