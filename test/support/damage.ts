// A real database with comments, for storage-fault tests (damagePages, beside it, damages one).
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
