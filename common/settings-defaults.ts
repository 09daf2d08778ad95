import type { Settings } from './types';

/** Plain data: the renderer starts from these too, before the stored settings arrive. */
export const DEFAULT_SETTINGS: Settings = { singleKeyShortcuts: true, keyBindings: {}, savedSearches: [], overdueHours: 24, moderatorName: '' };
