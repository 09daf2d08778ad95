// Migration 008 (template kinds) on a database written at version 7: the spotlight reply Thank
// used to find by its name becomes the thank-you; nothing else gets a kind it was never given.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { tempDir } from '../../support/temp';

function openAt(file: string, version: number): Database.Database {
  const db = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
  migrate(db, migrations.filter((migration) => migration.version <= version));
  return db;
}

describe('migration 008: template kinds', () => {
  it('keeps the reply Thank found by name as the thank-you, and guesses no invitation', () => {
    const file = path.join(tempDir(), 'v7.db');
    const v7 = openAt(file, 7);
    const add = v7.prepare("INSERT INTO templates (name, lane, body, variables, created_at, updated_at) VALUES (?, ?, 'x', ?, 0, 0)");
    add.run('Invitation', 'spotlight', '[]');
    add.run('Thanks for helping', 'spotlight', '[]');
    add.run('Thank you (ticket)', 'spotlight', '["ticket"]');
    add.run('Thanks, service', 'service', '[]');
    v7.close();

    const db = openAt(file, 8);
    expect(db.prepare('SELECT name, kind FROM templates ORDER BY id').all()).toEqual([
      { name: 'Invitation', kind: null },
      { name: 'Thanks for helping', kind: 'thank-you' },
      { name: 'Thank you (ticket)', kind: null },
      { name: 'Thanks, service', kind: null },
    ]);
    expect(() => db.prepare("UPDATE templates SET kind = 'thank-you' WHERE name = 'Invitation'").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE templates SET kind = 'invite-volunteer' WHERE name = 'Thanks, service'").run()).toThrow(/CHECK/);
  });
});
