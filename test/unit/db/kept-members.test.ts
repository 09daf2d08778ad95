// Members kept by the database (migration 011): a database written before it gets a member for
// every author once, in the order they first wrote, keeping the members it had; afterwards every
// stored or edited comment brings its author's member in the same statement, so no read has to
// look for authors without one (that look read every comment: 340 ms a key at a million).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { memberOfAuthor, getMember } from '../../../db/tables/members';
import { memoryService, addFeed, addItem } from '../../support/seed';
import { tempDir } from '../../support/temp';

function openAt(file: string, version: number): Database.Database {
  const db = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((migration) => migration.version <= version));
  return db;
}

const members = (db: Database.Database) => db.prepare('SELECT m.id, m.name, m.created_at AS createdAt, a.author FROM members m JOIN member_aliases a ON a.member_id = m.id ORDER BY m.id').all();

describe('members kept by the database', () => {
  it('gives the authors stored before migration 011 their members once, keeping the ones they had', () => {
    const file = path.join(tempDir(), 'switchboard.db');
    const db = openAt(file, 10);
    const feedId = Number(db.prepare("INSERT INTO feeds (url, site, title, created_at) VALUES ('https://a.example/feed', 'a.example', 'A', 0)").run().lastInsertRowid);
    const item = (author: string, fetchedAt: number) =>
      db
        .prepare(`INSERT INTO items (feed_id, guid, author, published_at, content_html, content_text, fetched_at, updated_at) VALUES (?, ?, ?, 0, '<p>x</p>', 'x', ?, ?)`)
        .run(feedId, `${author}-${fetchedAt}`, author, fetchedAt, fetchedAt);
    // Priya already has her member (as the app gave them before migration 011); Sam, Lee and a nameless comment have none.
    item('Priya', 10);
    db.prepare("INSERT INTO members (id, name, created_at) VALUES (1, 'Priya', 10)").run();
    db.prepare("INSERT INTO member_aliases (author, member_id, original_member_id) VALUES ('Priya', 1, 1)").run();
    item('Sam', 30);
    item('Lee', 20);
    item('Sam', 40);
    item('', 50);
    db.close();

    const migrated = openAt(file, Infinity);
    expect(members(migrated)).toEqual([
      { id: 1, name: 'Priya', createdAt: 10, author: 'Priya' },
      { id: 2, name: 'Sam', createdAt: 30, author: 'Sam' },
      { id: 3, name: 'Lee', createdAt: 20, author: 'Lee' },
    ]);
    migrated.close();
  });

  it('gives a new author a member as the comment is stored, and an edited comment\'s new name one too', async () => {
    const service = memoryService();
    const { db } = service.context;
    const feedId = addFeed(db);
    const first = addItem(db, { feedId, author: 'Noor' });
    addItem(db, { feedId, author: 'Noor' });
    const noor = memberOfAuthor(db, 'Noor');
    expect(noor).not.toBeNull();
    expect(getMember(db, noor!).stats.comments).toBe(2);
    expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);

    db.prepare("UPDATE items SET author = 'Noor A.' WHERE id = ?").run(first);
    expect(memberOfAuthor(db, 'Noor A.')).not.toBeNull();
    expect(memberOfAuthor(db, 'Noor A.')).not.toBe(noor);
    // The profile a moderator opens counts both names once merged, as before.
    await service.client['member-merge']({ into: noor!, from: memberOfAuthor(db, 'Noor A.')! });
    expect((await service.client['member-get']({ id: noor! })).aliases).toEqual(['Noor', 'Noor A.']);
    await service.close();
  });
});
