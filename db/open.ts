// Opening the database the way the app does: check it first (PRAGMA quick_check), keep a damaged
// file read-only rather than write more into it, and back an existing database up before a
// migration changes its schema.
import fs from 'node:fs';
import type { DatabaseDamage } from '../common/types';
import { backUp } from './backup';
import { listBackups, type BackupFile } from './backup-files';
import { configure, connect, openDatabase, type Db } from './connection';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';

/** Why a database was opened read-only (SQLite's finding, in its words), and the backup that would bring it back. */
export type Damage = DatabaseDamage;

export interface OpenedDatabase {
  db: Db;
  /** Set when the file failed its check: `db` is then read-only. */
  damage: Damage | null;
}

/** SQLite's quick_check verdict: 'ok', or its first findings (or the error it stopped on). */
export function quickCheck(db: Db): string {
  try {
    const rows = db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
    return rows.map((row) => row.quick_check).join('; ');
  } catch (error) {
    return (error as Error).message;
  }
}

/** The newest backup that is a copy of this database (a file a restore set aside is not one). */
export function newestBackup(file: string): BackupFile | null {
  return listBackups(file).find((backup) => backup.kind !== 'before-restore') ?? null;
}

export async function openChecked(file: string, now: () => number): Promise<OpenedDatabase> {
  if (file === ':memory:' || !fs.existsSync(file)) return { db: openDatabase(file), damage: null };
  // Checked through a read-only connection: nothing is written into a file before it passes.
  const probe = connect(file, { readonly: true });
  probe.pragma('busy_timeout = 5000');
  const finding = quickCheck(probe);
  if (finding !== 'ok') return { db: probe, damage: { finding, newestBackup: newestBackup(file) } };
  probe.close();
  const db = connect(file);
  try {
    configure(db);
    const version = schemaVersion(db);
    // A database with a schema (so with the moderator's data) is copied before it changes.
    if (version > 0 && version < latestVersion(migrations)) await backUp(db, file, 'before-migration', now());
    migrate(db, migrations, now);
    return { db, damage: null };
  } catch (error) {
    db.close();
    throw error;
  }
}
