// How a backup is described to a person, the same in the console and the CLI.
import type { BackupInfo } from './types';

export const BACKUP_KIND_LABEL: Record<BackupInfo['kind'], string> = {
  daily: 'automatic (daily)',
  'before-migration': 'automatic (before an upgrade)',
  manual: 'manual',
  'before-restore': 'replaced by a restore',
};

/** "4.2 MB": a file size as a person reads it. */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(size < 10 ? 1 : 0)} ${units[unit]}`;
}
