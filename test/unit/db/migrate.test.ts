import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { migrate, schemaVersion, SchemaTooNewError } from '../../../db/migrate';
import { migrations } from '../../../db/migrations';
import { nativeBindingForThisProcess } from '../../../db/native';
import { openService } from '../../../main/app/open-service';
import { tempDir } from '../../support/temp';

const LATEST = migrations.at(-1)!.version;

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migrations', () => {
  it('are numbered 1, 2, 3... with no gap or repeat', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('bring a fresh database file to the latest schema with every v1 table', () => {
    const file = path.join(tempDir(), 'nested', 'switchboard.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['feeds', 'threads', 'items', 'decisions', 'audit_log', 'settings', 'schema_migrations']),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('keep data and apply nothing twice when the file is reopened', () => {
    const file = path.join(tempDir(), 'switchboard.db');
    const first = openDatabase(file);
    first.prepare('INSERT INTO feeds (url, title, created_at) VALUES (?, ?, ?)').run('https://example.com/comments/feed/', 'Example', 1);
    first.close();

    const again = openDatabase(file);
    expect(again.prepare('SELECT title FROM feeds').pluck().all()).toEqual(['Example']);
    expect(again.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(LATEST);
    again.close();
  });

  it('refuse a database written by a newer Switchboard, naming both versions, and leave it untouched', async () => {
    const file = path.join(tempDir(), 'future.db');
    const future = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
    future.pragma(`user_version = ${LATEST + 5}`);
    future.exec('CREATE TABLE from_the_future (x)');
    future.close();

    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    await expect(openService(file)).rejects.toThrow(`database: this file has schema version ${LATEST + 5}`);
    await expect(openService(file)).rejects.toThrow('Update Switchboard, or open another file with --db PATH.');

    const check = new Database(file, { nativeBinding: nativeBindingForThisProcess() });
    expect(tableNames(check)).toEqual(['from_the_future']);
    check.close();
  });

  it('roll back a migration that fails halfway, keeping the last good version', () => {
    const db = new Database(':memory:', { nativeBinding: nativeBindingForThisProcess() });
    const broken = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x); INSERT INTO missing VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such table: missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['a', 'schema_migrations']);
    db.close();
  });

  it('run with foreign keys off (for table rebuilds) and roll back one that leaves a dangling reference', () => {
    const db = new Database(':memory:', { nativeBinding: nativeBindingForThisProcess() });
    db.pragma('foreign_keys = ON');
    const steps = [
      { version: 1, name: 'parents', sql: 'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p (id)); INSERT INTO p VALUES (1); INSERT INTO c VALUES (1);' },
      { version: 2, name: 'orphans', sql: 'DELETE FROM p;' },
    ];
    expect(() => migrate(db, steps)).toThrow('database: migration 2 (orphans) would leave 1 rows of c pointing at missing p rows; nothing was changed');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM p').pluck().get()).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
