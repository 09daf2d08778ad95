// Where backups live and what their names say. Backups of a database go in a `backups/` folder
// beside it, named after the database file and the moment they were taken (UTC), with what took
// them: `switchboard-2026-11-28T09-00-00.sqlite` (daily), `...-before-migration.sqlite`,
// `...-manual.sqlite`, and `switchboard.db.before-restore-2026-11-28T09-00-00` (the file a restore
// replaced). Only files with these names are ever listed or pruned.
import fs from 'node:fs';
import path from 'node:path';

import type { BackupInfo } from '../common/types';

/** A backup's file name is also how it is named to the service; only `automatic` ones are pruned. */
export type BackupFile = BackupInfo;
export type BackupKind = BackupInfo['kind'];

/** Automatic backups kept per database; older ones are deleted after each new one. */
export const KEEP_AUTOMATIC = 7;

const SUFFIX: Record<Exclude<BackupKind, 'before-restore'>, string> = { daily: '', 'before-migration': '-before-migration', manual: '-manual' };

export function backupsDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/** "2026-11-28T09-00-00": sortable, and valid in a file name on every system. */
export function stamp(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace(/:/g, '-');
}

function fromStamp(text: string): number {
  return Date.parse(`${text.slice(0, 10)}T${text.slice(11).replace(/-/g, ':')}Z`);
}

/** The database file's name without its extension: what its backups are named after. */
function stem(dbFile: string): string {
  return path.basename(dbFile).replace(/\.[^.]*$/, '');
}

/** The name for a backup; `attempt` > 0 tells apart two taken in one second. */
export function backupName(dbFile: string, kind: Exclude<BackupKind, 'before-restore'>, at: number, attempt = 0): string {
  return `${stem(dbFile)}-${stamp(at)}${SUFFIX[kind]}${attempt > 0 ? `-${attempt + 1}` : ''}.sqlite`;
}

export function beforeRestoreName(dbFile: string, at: number): string {
  return `${path.basename(dbFile)}.before-restore-${stamp(at)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const STAMP = '(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d)';

/** What a file in the backups folder is, or null for a file Switchboard did not name. */
export function parseBackupName(dbFile: string, name: string): { kind: BackupKind; takenAt: number } | null {
  const taken = new RegExp(`^${escapeRegExp(stem(dbFile))}-${STAMP}(-before-migration|-manual)?(?:-\\d+)?\\.sqlite$`).exec(name);
  if (taken) {
    const kind = taken[2] === '-manual' ? 'manual' : taken[2] === '-before-migration' ? 'before-migration' : 'daily';
    return { kind, takenAt: fromStamp(taken[1] as string) };
  }
  const aside = new RegExp(`^${escapeRegExp(path.basename(dbFile))}\\.before-restore-${STAMP}$`).exec(name);
  return aside ? { kind: 'before-restore', takenAt: fromStamp(aside[1] as string) } : null;
}

/** This database's backups, newest first. */
export function listBackups(dbFile: string): BackupFile[] {
  const dir = backupsDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(dbFile, name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    found.push({ name, file, ...parsed, automatic: parsed.kind === 'daily' || parsed.kind === 'before-migration', bytes: stat.size });
  }
  return found.sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

/** Deletes automatic backups beyond the newest KEEP_AUTOMATIC, never `keep` (the one just written). */
export function pruneAutomatic(dbFile: string, keep: string): void {
  const automatic = listBackups(dbFile).filter((backup) => backup.automatic && backup.file !== keep);
  for (const old of automatic.slice(KEEP_AUTOMATIC - 1)) fs.rmSync(old.file, { force: true });
}

/** The newest backup that is a copy of this database (a file a restore set aside is not one). */
export function newestBackup(file: string): BackupFile | null {
  return listBackups(file).find((backup) => backup.kind !== 'before-restore') ?? null;
}
