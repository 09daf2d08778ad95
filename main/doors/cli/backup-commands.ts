// Backups from the terminal: take one, list them, restore one. Restoring works on the file alone
// (no service is opened on it), so it also brings back a database too damaged to open.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { backUpTo } from '../../../db/backup';
import { backupsDir, listBackups, newestBackup, type BackupFile } from '../../../db/backup-files';
import { checkFile } from '../../../db/open';
import { damagedDatabaseError } from '../../../db/storage-faults';
import { replaceWithBackup } from '../../../db/restore';
import { BACKUP_KIND_LABEL, readableSize } from '../../../common/backups';
import { SwitchboardError } from '../../../common/errors';
import { table, type CliContext } from './context';

function listText(dbPath: string, backups: BackupFile[]): string {
  if (backups.length === 0) return `No backups of ${dbPath} yet (they go in ${backupsDir(dbPath)}). Take one with: switchboard backup`;
  const rows = backups.map((backup) => [new Date(backup.takenAt).toISOString().slice(0, 19).replace('T', ' '), BACKUP_KIND_LABEL[backup.kind], readableSize(backup.bytes), backup.file]);
  return table([['TAKEN (UTC)', 'KIND', 'SIZE', 'FILE'], ...rows]);
}

/** A path as given, or the name of a backup in this database's backups folder. */
function backupPath(dbPath: string, given: string): string {
  if (fs.existsSync(given)) return path.resolve(given);
  const named = listBackups(dbPath).find((backup) => backup.name === given);
  if (named) return named.file;
  throw new SwitchboardError('not-found', 'restore', `there is no file ${given}; "switchboard backups" lists the backups of ${dbPath}`);
}

export function registerBackupCommands(program: Command, cli: CliContext): void {
  program
    .command('backup')
    .description('back the database up now: into the backups folder beside it, or to --out FILE')
    .option('--out <file>', 'write the backup to this file instead (replaced once the copy is verified)')
    .option('--list', 'list the backups instead (as "switchboard backups")')
    .action(async (options: { out?: string; list?: boolean }) => {
      if (options.list) {
        const backups = listBackups(cli.dbPath());
        cli.print(backups, (list) => listText(cli.dbPath(), list));
        return;
      }
      const written = await cli.withService(async (service) => {
        if (options.out !== undefined) return backUpTo(service.context.db, options.out);
        return service.client['backup-create']();
      });
      cli.print(written, (backup) => `Backed up ${cli.dbPath()} to ${backup.file} (${readableSize(backup.bytes)}).`);
    });

  program
    .command('backups')
    .description('list the backups of the database, newest first')
    .action(() => {
      const backups = listBackups(cli.dbPath());
      cli.print(backups, (list) => listText(cli.dbPath(), list));
    });

  program
    .command('check')
    .description("run SQLite's full check (PRAGMA quick_check) of the database; commands only look at its header and schema")
    .action(() => {
      const dbPath = cli.dbPath();
      if (!fs.existsSync(dbPath)) throw new SwitchboardError('not-found', 'check', `there is no database at ${dbPath}`);
      const finding = checkFile(dbPath);
      if (finding !== 'ok') throw damagedDatabaseError(dbPath, { finding, newestBackup: newestBackup(dbPath) });
      cli.print({ file: dbPath, ok: true }, () => `${dbPath} passed SQLite's full check.`);
    });

  program
    .command('restore')
    .description('replace the database with a backup (a file, or a name "switchboard backups" lists); the current file is kept aside')
    .argument('<file>', 'the backup to restore')
    .action(async (file: string) => {
      const dbPath = cli.dbPath();
      if (dbPath === ':memory:') throw new SwitchboardError('invalid-input', 'restore', 'an in-memory database cannot be restored into; give --db PATH');
      const source = backupPath(dbPath, file);
      const keptAside = await replaceWithBackup(dbPath, source, Date.now());
      cli.print({ restored: source, database: dbPath, keptAside }, (result) =>
        [`Restored ${result.database} from ${result.restored}.`, result.keptAside ? `The database it replaced is kept at ${result.keptAside}.` : ''].filter(Boolean).join('\n'),
      );
    });
}
