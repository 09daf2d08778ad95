import { schemaVersion } from '../../db/migrate';
import type { Handlers } from './service';

export const appHandlers = {
  'app-info': (ctx) => ({ version: ctx.version, dbPath: ctx.dbPath, schemaVersion: schemaVersion(ctx.db), online: ctx.feeds.online }),
} satisfies Partial<Handlers>;
