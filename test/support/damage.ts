// Real database files for storage-fault tests: one with some comments, and one with garbage written
// over pages in its middle, as a failing disk or a bad copy leaves them.
import fs from 'node:fs';
import { openDatabase } from '../../db/connection';
import { addFeed, addItem } from './seed';

/** A closed Switchboard database at `file` with `comments` comments of feed "Acme blog comments". */
export function databaseWithComments(file: string, comments = 300): void {
  const db = openDatabase(file);
  const feedId = addFeed(db);
  db.transaction(() => {
    for (let n = 0; n < comments; n += 1) addItem(db, { feedId, text: `Comment ${n}: ${'the refund never arrived; '.repeat(8)}` });
  })();
  db.close();
}

/** Overwrites four pages in the middle of a closed database file with garbage. */
export function damagePages(file: string): void {
  const pageSize = 4096;
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  if (pages < 8) throw new Error(`${file} has only ${pages} pages; seed more comments before damaging it`);
  const garbage = Buffer.alloc(pageSize * 4, 0xa5);
  const handle = fs.openSync(file, 'r+');
  try {
    fs.writeSync(handle, garbage, 0, garbage.length, Math.floor(pages / 2) * pageSize);
  } finally {
    fs.closeSync(handle);
  }
}
