// How a database file can be opened: for writing where the system allows it, else read-only, so
// a moderator can still read the queue and export from a file they may not change (a copy from a
// read-only share, a file whose permissions were tightened). SQLite would quietly open such a file
// for reading anyway, but then the first write of a read ("wake the snoozes that are due") fails:
// opening it read-only says so up front (`db.readonly`), and every write says why it was refused.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type OpenMode = 'read-write' | 'read-only' | 'read-only-copy';

function writable(file: string): boolean {
  try {
    // access() asks the kernel, so it answers as the writes would: a read-only mount, the owner's
    // bits, root's override.
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A WAL-mode file says so in its header: bytes 18 and 19 (write and read format versions) are 2. */
function isWalFile(file: string): boolean {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `read-only-copy`: even reading a WAL-mode file needs its -wal and -shm files, which SQLite
 * creates beside it; in a folder that refuses new files it cannot read at all unless they exist
 * (or the file is opened `immutable`, a URI option this build of better-sqlite3 does not accept).
 */
export function openMode(file: string): OpenMode {
  if (file === ':memory:' || !fs.existsSync(file)) return 'read-write';
  const folder = path.dirname(path.resolve(file));
  // Where the folder refuses new files, -wal and -shm files that are already there will do.
  if (writable(file) && (writable(folder) || (writable(`${file}-wal`) && writable(`${file}-shm`)))) return 'read-write';
  const sidecarsMissing = !fs.existsSync(`${file}-wal`) || !fs.existsSync(`${file}-shm`);
  return !writable(folder) && sidecarsMissing && isWalFile(file) ? 'read-only-copy' : 'read-only';
}

/** Why a database that was asked for read-write was opened read-only: what a refused write should say. */
export type ReadOnlyReason = 'no-permission' | 'disk-full';

const reasons = new WeakMap<Database.Database, ReadOnlyReason>();

export function readOnlyReason(db: Database.Database): ReadOnlyReason | undefined {
  return reasons.get(db);
}

/**
 * A full disk fails even a read of a WAL-mode file when SQLite cannot grow the -shm file beside
 * it (SQLITE_IOERR_SHMSIZE): every command, an export to stdout too, failed so. Reading the file
 * itself needs no new space.
 */
const NO_ROOM = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_SHMOPEN']);

function noRoom(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && NO_ROOM.has(String(error.code));
}

/**
 * The file read into memory, read-only (marked as a rollback-journal file, since memory has no
 * WAL): what was committed and checkpointed when it was read. Where SQLite could not create the
 * -shm file it did not write a -wal either; only a crash that left a -wal without its -shm would
 * hold newer transactions, and those are missing from the copy until the file can be opened again.
 */
export function readOnlyCopy(file: string, nativeBinding: string): Database.Database {
  const image = fs.readFileSync(file);
  image[18] = 1;
  image[19] = 1;
  return new Database(image, { nativeBinding, readonly: true });
}

/** Opens `file` in the mode the system allows; `readOnlyReason(db)` says why it is read-only, if it is. */
export function openConnection(file: string, nativeBinding: string): Database.Database {
  const mode = openMode(file);
  if (mode === 'read-write') {
    const db = new Database(file, { nativeBinding });
    try {
      // The first read sets up the -shm file: where a full disk shows, before anything is written.
      if (file !== ':memory:') db.pragma('schema_version');
      return db;
    } catch (error) {
      // Any other failure (a damaged file) is the caller's to meet and report (db/open.ts).
      if (!noRoom(error)) return db;
      db.close();
      const copy = readOnlyCopy(file, nativeBinding);
      reasons.set(copy, 'disk-full');
      return copy;
    }
  }
  const db = mode === 'read-only' ? new Database(file, { nativeBinding, readonly: true }) : readOnlyCopy(file, nativeBinding);
  reasons.set(db, 'no-permission');
  return db;
}
