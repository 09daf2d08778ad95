import packageJson from '../../package.json';
import { openDatabase } from '../../db/connection';
import { SchemaTooNewError } from '../../db/migrate';
import { SwitchboardError } from '../../common/errors';
import { createService, type Service } from './service';

/** Opens the database and the service on it: the one start-up path shared by all three doors. */
export function openService(dbPath: string): Service {
  try {
    return createService({ db: openDatabase(dbPath), dbPath, version: packageJson.version });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/^database: /, '');
    const detail = error instanceof SchemaTooNewError ? message : `cannot open ${dbPath}: ${message}`;
    throw new SwitchboardError('unavailable', 'database', detail);
  }
}
