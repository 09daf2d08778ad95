// The app's own operation: what is running, on which file, and whether the network seems up.
import { schemaVersion } from '../../db/migrate';
import { readOnlyNotice } from '../../db/storage-faults';
import type { FeatureHandlers } from '../core/context';
import type { ServiceContext } from './context';

/** The file's schema version; 0 when the file is too damaged to say, so the console can still learn of the damage. */
function readableVersion(ctx: ServiceContext): number {
  try {
    return schemaVersion(ctx.db);
  } catch (error) {
    if (ctx.damage) return 0;
    throw error;
  }
}

export const appHandlers = {
  'app-info': (ctx) => ({
    version: ctx.version,
    dbPath: ctx.dbPath,
    schemaVersion: readableVersion(ctx),
    online: ctx.feeds.online,
    // A damaged database is read-only too; its own banner (damage) says why and how to restore.
    readOnly: ctx.damage ? null : readOnlyNotice(ctx.dbPath, ctx.db),
    damage: ctx.damage,
  }),
} satisfies FeatureHandlers<ServiceContext>;
