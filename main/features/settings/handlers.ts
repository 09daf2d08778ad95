import type { FeatureHandlers } from '../../core/context';
import { readSettings, updateSettings } from '../../../db/tables/settings';

export const settingsHandlers = {
  'settings-get': (ctx) => readSettings(ctx.db),
  'settings-update': (ctx, input) => updateSettings(ctx.db, input),
} satisfies FeatureHandlers;
