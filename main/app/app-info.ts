// The app's own operation: what is running, on which file, and whether the network seems up.
import { schemaVersion } from '../../db/migrate';
import { readOnlyNotice } from '../../db/storage-faults';
import type { FeatureHandlers } from '../core/context';
import type { FeedsContext } from '../features/feeds/context';

export const appHandlers = {
  'app-info': (ctx) => ({ version: ctx.version, dbPath: ctx.dbPath, schemaVersion: schemaVersion(ctx.db), online: ctx.feeds.online, readOnly: readOnlyNotice(ctx.dbPath, ctx.db) }),
} satisfies FeatureHandlers<FeedsContext>;
