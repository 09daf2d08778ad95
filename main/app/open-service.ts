import packageJson from '../../package.json';
import { openChecked } from '../../db/open';
import { SchemaTooNewError } from '../../db/migrate';
import { applyPageCap } from '../../db/page-cap';
import { damagedDatabaseError, storageFault } from '../../db/storage-faults';
import { SwitchboardError } from '../../common/errors';
import { createService, type Service, type ServiceOptions } from './service';

export interface OpenServiceOptions extends Pick<ServiceOptions, 'log' | 'now' | 'checker' | 'copier' | 'readsOffThread'> {
  /**
   * A database whose header or schema cannot be read: the console opens it read-only and offers a
   * restore; a one-shot command (`refuse`) stops with the file, its newest backup and the command
   * that restores it.
   */
  damaged?: 'read-only' | 'refuse';
}

/**
 * Opens the database (checked, and backed up before a migration) and the service on it: the one
 * start-up path shared by all three doors. Slow calls are logged to stderr unless `log` says otherwise.
 */
export async function openService(dbPath: string, options: OpenServiceOptions = {}): Promise<Service> {
  const now = options.now ?? Date.now;
  let opened;
  try {
    opened = await openChecked(dbPath, now);
  } catch (error) {
    if (error instanceof SwitchboardError) throw error;
    const fault = storageFault(error, dbPath);
    if (fault) throw fault;
    const message = (error instanceof Error ? error.message : String(error)).replace(/^database: /, '');
    const detail = error instanceof SchemaTooNewError ? message : `cannot open ${dbPath}: ${message}`;
    throw new SwitchboardError('unavailable', 'database', detail);
  }
  if (opened.damage && options.damaged === 'refuse') {
    opened.db.close();
    throw damagedDatabaseError(dbPath, opened.damage);
  }
  applyPageCap(opened.db);
  return createService({ db: opened.db, damage: opened.damage, dbPath, version: packageJson.version, log: options.log, now, checker: options.checker, copier: options.copier, readsOffThread: options.readsOffThread });
}
