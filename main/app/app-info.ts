// The app's own operation: what is running, on which file, and whether the network seems up.
import { schemaVersion } from '../../db/migrate';
import type { FeatureHandlers } from '../core/context';
import type { ServiceContext } from './context';

export const appHandlers = {
  'app-info': (ctx) => ({ version: ctx.version, dbPath: ctx.dbPath, schemaVersion: schemaVersion(ctx.db), online: ctx.feeds.online, damage: ctx.damage }),
} satisfies FeatureHandlers<ServiceContext>;
