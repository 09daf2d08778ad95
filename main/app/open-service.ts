import packageJson from '../../package.json';
import { openDatabase } from '../../db/connection';
import { SchemaTooNewError } from '../../db/migrate';
import { applyPageCap } from '../../db/page-cap';
import { storageFault } from '../../db/storage-faults';
import { SwitchboardError } from '../../common/errors';
import { createService, type Service, type ServiceOptions } from './service';

/**
 * Opens the database and the service on it: the one start-up path shared by all three doors.
 * Slow calls are logged to stderr unless `log` says otherwise.
 */
export function openService(dbPath: string, options: Pick<ServiceOptions, 'log'> = {}): Service {
  try {
    const db = openDatabase(dbPath);
    applyPageCap(db);
    return createService({ db, dbPath, version: packageJson.version, ...options });
  } catch (error) {
    const fault = storageFault(error, dbPath);
    if (fault) throw fault;
    const message = (error instanceof Error ? error.message : String(error)).replace(/^database: /, '');
    const detail = error instanceof SchemaTooNewError ? message : `cannot open ${dbPath}: ${message}`;
    throw new SwitchboardError('unavailable', 'database', detail);
  }
}
