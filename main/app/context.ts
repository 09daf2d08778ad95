// The app's context is the widest one any feature asks for: the core context plus the feeds
// feature's runner and runtime, and what the app itself keeps about the database file.
import type { DatabaseDamage } from '../../common/types';
import type { DatabaseCopier } from '../../db/backup';
import type { FeedsContext } from '../features/feeds/context';
import type { TeamContext } from '../features/team/context';

export interface ServiceContext extends FeedsContext, TeamContext {
  /** Set when the file failed its check at open: `db` is read-only until a backup is restored. */
  damage: DatabaseDamage | null;
  /** While a backup replaces the database, every call waits on this before it runs. */
  swapping: Promise<unknown> | null;
  /** How the service's backups (daily, on request) make their verified copy: in a worker thread in the app. */
  copyDatabase: DatabaseCopier;
}
