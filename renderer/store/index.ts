// One store of slices; components read it through narrow selectors, and every API call lives in
// a slice's actions.
import { sentence } from '../../common/errors';
import { create } from 'zustand';
import { api, subscribeEvents } from '../api';
import { createBackupsSlice } from './backups-slice';
import { createCustomerServiceSlice } from './customer-service-slice';
import { createFeedsSlice } from './feeds-slice';
import { createQueueSlice } from './queue-slice';
import { createSelectionSlice } from './selection-slice';
import { createSettingsSlice } from './settings-slice';
import { createSpotlightSlice } from './spotlight-slice';
import { createStatusSlice } from './status-slice';
import { createSuggestionsSlice } from './suggestions-slice';
import { createTeamSlice } from './team-slice';
import type { StoreState } from './types';
import { createTriageSlice } from './triage-slice';
import { createUiSlice } from './ui-slice';
import { createViewsSlice } from './views-slice';

export const useStore = create<StoreState>()((set, get) => ({
  ...createViewsSlice(set, get),
  ...createQueueSlice(set, get),
  ...createSelectionSlice(set, get),
  ...createTriageSlice(set, get),
  ...createFeedsSlice(set, get),
  ...createStatusSlice(set, get),
  ...createUiSlice(set, get),
  ...createSettingsSlice(set, get),
  ...createCustomerServiceSlice(set, get),
  ...createSpotlightSlice(set, get),
  ...createBackupsSlice(set, get),
  ...createSuggestionsSlice(set, get),
  ...createTeamSlice(set, get),
}));

/** Loads what the console shows first, then keeps it current from the service's events. */
export function startStore(): () => void {
  const { refreshCounts, refreshFeeds, loadView, loadSettings, report } = useStore.getState();
  void Promise.all([refreshCounts(), refreshFeeds(), loadView(), loadSettings(), useStore.getState().loadTemplates(), useStore.getState().refreshTeam()]);
  // In a team, the comment shown is claimed and the one left behind given back (solo, nothing is called).
  const unfollow = useStore.subscribe((state, before) => {
    if (state.selectedId !== before.selectedId) state.followSelection(state.selectedId);
  });
  const closing = () => useStore.getState().releaseAll();
  window.addEventListener('pagehide', closing);
  // A database that cannot be changed says so before the moderator starts typing.
  api['app-info']().then(
    (info) => useStore.setState({ online: info.online && navigator.onLine, dbPath: info.dbPath, damage: info.damage, ...(info.readOnly ? { error: sentence(info.readOnly) } : {}) }),
    report,
  );
  const setOnline = () => useStore.setState({ online: navigator.onLine });
  window.addEventListener('online', setOnline);
  window.addEventListener('offline', setOnline);
  const unsubscribe = subscribeEvents((event) => {
    const state = useStore.getState();
    switch (event.name) {
      case 'counts-changed':
        return useStore.setState({ counts: event.payload });
      case 'items-changed':
        // Reloads the page and the feed list, unless it is this console's own action (already on screen).
        // Suggestions scored again after learning are read in place: the list does not move under the moderator.
        if (event.payload.reason === 'suggestions') return void state.refreshSuggestions();
        return state.itemsChanged(event.payload);
      case 'feeds-changed':
        return void state.refreshFeeds();
      case 'fetch-progress':
        return useStore.setState({ fetchProgress: event.payload.finished ? null : event.payload });
      case 'network-changed':
        return useStore.setState({ online: event.payload.online });
      case 'database-damaged':
        return useStore.setState({ damage: event.payload });
      case 'team-changed':
        return void state.refreshTeam();
      case 'database-restored':
        // Everything on screen came from the file that was replaced: start again from the restored one.
        return window.location.reload();
    }
  });
  return () => {
    unsubscribe();
    unfollow();
    window.removeEventListener('pagehide', closing);
    window.removeEventListener('online', setOnline);
    window.removeEventListener('offline', setOnline);
  };
}
