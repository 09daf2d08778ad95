// Operations of the app itself and its settings.
import { z } from 'zod';
import { VIEW_NAMES, type AppInfo, type Settings } from '../types';
import { returns, noInput, feedId, route, itemStatus, sortOrder, suggestedFilter } from './shared';

export const settingsOperations = {
  'app-info': {
    summary: 'Version, database file and schema version of this Switchboard.',
    input: noInput,
    result: returns<AppInfo>(),
  },
  'settings-get': {
    summary: 'The console settings: shortcut keys, single-key mode, saved searches.',
    input: noInput,
    result: returns<Settings>(),
  },
  'settings-update': {
    summary: 'Change some settings; the others keep their values.',
    input: z
      .object({
        singleKeyShortcuts: z.boolean().optional(),
        overdueHours: z.number().min(1).max(24 * 30).optional(),
        moderatorName: z.string().trim().max(120).optional(),
        keyBindings: z.record(z.string().max(40), z.string().min(1).max(20)).optional(),
        savedSearches: z
          .array(
            z
              .object({
                id: z.string().min(1).max(40),
                name: z.string().trim().min(1, 'name the saved search').max(80),
                filters: z
                  .object({
                    view: z.enum(VIEW_NAMES),
                    sort: sortOrder.optional(),
                    feedId: feedId.optional(),
                    route: route.optional(),
                    status: itemStatus.optional(),
                    from: z.iso.date().optional(),
                    to: z.iso.date().optional(),
                    search: z.string().max(500).optional(),
                    suggested: suggestedFilter.optional(),
                  })
                  .strict(),
              })
              .strict(),
          )
          .max(50)
          .optional(),
      })
      .strict(),
    result: returns<Settings>(),
  },
} as const;
