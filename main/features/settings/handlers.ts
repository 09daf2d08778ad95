import type { Handlers } from '../../app/service';
import { readSettings, updateSettings } from './settings';

export const settingsHandlers = {
  'settings-get': (ctx) => readSettings(ctx.db),
  'settings-update': (ctx, input) => updateSettings(ctx.db, input),
} satisfies Partial<Handlers>;
