import { ROUTE_LABELS } from '../../common/labels';
import type { ItemSummary, Route } from '../../common/types';
import { isInView } from '../../common/views';
import { api } from '../api';
import type { SliceCreator, SnoozeChoice, StoreState, TriageSlice } from './types';


function targets(state: StoreState, target: 'selection' | 'current' | undefined): number[] {
  if (target !== 'current' && state.checked.size > 0) return [...state.checked];
  return state.selectedId === null ? [] : [state.selectedId];
}

export const createTriageSlice: SliceCreator<TriageSlice> = (set, get) => {
  /**
   * Updates the screen at once (items that leave the view disappear, the next one is selected),
   * then persists; the store reconciles with the stored result through the change events.
   */
  const act = async (ids: number[], after: Pick<ItemSummary, 'status' | 'route'> | null, message: string, persist: () => Promise<unknown>) => {
    if (ids.length === 0) return;
    const state = get();
    const moving = new Set(ids);
    if (after && !isInView(state.view, after)) {
      const index = state.items.findIndex((item) => item.id === state.selectedId);
      const remaining = state.items.filter((item) => !moving.has(item.id));
      const next = remaining[Math.min(Math.max(index, 0), remaining.length - 1)] ?? null;
      set({ items: remaining, checked: new Set() });
      void get().select(next?.id ?? null);
    } else {
      set({ checked: new Set() });
    }
    set((current) => ({ pendingActions: current.pendingActions + 1 }));
    try {
      await persist();
      set({ notice: `${message} z to undo.` });
    } catch (error) {
      get().report(error);
    } finally {
      set((current) => ({ pendingActions: current.pendingActions - 1 }));
      // Once every action in flight is stored, reconcile the screen with the database.
      if (get().pendingActions === 0) await get().loadView();
    }
  };

  return {
    notice: null,
    pendingActions: 0,
    async route(route: Route, target) {
      const ids = targets(get(), target);
      const what = ids.length === 1 ? 'Comment' : `${ids.length} comments`;
      const message = route === 'ignore' ? `${what} ignored.` : `${what} routed to ${ROUTE_LABELS[route].destination}.`;
      await act(ids, { status: 'routed', route }, message, () => api['items-route']({ ids, route }));
    },
    async done(target) {
      const ids = targets(get(), target);
      await act(ids, { status: 'done', route: null }, `${ids.length === 1 ? 'Comment' : `${ids.length} comments`} done.`, () => api['items-done']({ ids }));
    },
    async snooze(choice: SnoozeChoice, target) {
      const ids = targets(get(), target);
      const when = 'until' in choice ? new Date(choice.until).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'its author writes again';
      await act(ids, { status: 'snoozed', route: null }, `Snoozed until ${when}.`, () => api['items-snooze']({ ids, ...choice }));
    },
    async undo() {
      try {
        const result = await api['items-undo']();
        set({ notice: result.action ? `Undid ${result.action} of ${result.itemIds.length === 1 ? 'a comment' : `${result.itemIds.length} comments`}.` : 'Nothing to undo.' });
        await get().loadView();
      } catch (error) {
        get().report(error);
      }
    },
    async saveNote(id, note) {
      try {
        await api['item-note']({ id, note });
        set({ notice: 'Note saved. z to undo.' });
      } catch (error) {
        get().report(error);
      }
    },
  };
};
