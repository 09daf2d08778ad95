// Backups of the database file: listed, taken on request, and restored while the console runs.
import { z } from 'zod';
import type { BackupInfo, RestoreResult } from '../types';
import { noInput, returns } from './shared';

export const backupOperations = {
  'backups-list': {
    summary: "This database's backups (automatic, manual, and files a restore set aside), newest first.",
    input: noInput,
    result: returns<BackupInfo[]>(),
  },
  'backup-create': {
    summary: 'Back the database up now, into the backups folder beside it (kept until deleted).',
    input: noInput,
    result: returns<BackupInfo>(),
  },
  'backup-restore': {
    summary: 'Replace the database with one of its backups, keeping the current file aside; every console reloads.',
    input: z.object({ name: z.string().min(1).max(255) }).strict(),
    result: returns<RestoreResult>(),
  },
} as const;
