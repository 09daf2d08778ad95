import { api } from '../api';
import { listInput } from './queue-slice';
import type { SelectionSlice, SliceCreator } from './types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedId: null,
  detail: null,
  context: null,
  checked: new Set(),
  preview(id) {
    if (id === null) return set({ selectedId: null, detail: null, context: null });
    // Paint at once from the row the list already holds; the full comment and its thread follow.
    const row = get().items.find((item) => item.id === id);
    const provisional = row
      ? { ...row, guid: '', url: null, threadUrl: null, authorUrl: null, contentHtml: '', contentText: row.excerpt, note: null, resolution: null, answeredBy: null, decidedBy: null, decidedAt: null, draft: null }
      : null;
    // Re-selecting the comment already shown (after an action, say) refreshes it in place: the
    // composer must not lose focus or text under the moderator's fingers.
    const current = get().detail;
    const shown = current !== null && current.id === id && current.guid !== '';
    // A key's request for the comment left behind is dropped with it, never run on a later visit.
    set(shown ? { selectedId: id } : { selectedId: id, detail: provisional, context: null, commentRequest: null });
  },
  async reloadSelected() {
    const { selectedId } = get();
    if (selectedId !== null) await get().select(selectedId);
  },
  async select(id) {
    get().preview(id);
    if (id === null) return;
    try {
      const [detail, context] = await Promise.all([api['item-get']({ id }), api['item-context']({ id })]);
      if (get().selectedId === id) set({ detail, context });
    } catch (error) {
      get().report(error);
    }
  },
  async selectRelative(step) {
    const { items, selectedId } = get();
    if (items.length === 0) return;
    const index = items.findIndex((item) => item.id === selectedId);
    const nextIndex = Math.min(items.length - 1, Math.max(0, index === -1 ? 0 : index + step));
    if (nextIndex >= items.length - 20) void get().loadMore();
    const next = items[nextIndex];
    if (next) await get().select(next.id);
  },
  toggleChecked(id) {
    set((state) => {
      const checked = new Set(state.checked);
      if (checked.has(id)) checked.delete(id);
      else checked.add(id);
      return { checked };
    });
  },
  checkRange(id) {
    set((state) => {
      const from = state.items.findIndex((item) => item.id === (state.selectedId ?? id));
      const to = state.items.findIndex((item) => item.id === id);
      if (from === -1 || to === -1) return {};
      const [start, end] = from < to ? [from, to] : [to, from];
      return { checked: new Set([...state.checked, ...state.items.slice(start, end + 1).map((item) => item.id)]) };
    });
  },
  async checkAll() {
    const { items, checked, nextCursor } = get();
    const allShown = items.length > 0 && items.every((item) => checked.has(item.id));
    if (allShown && nextCursor !== null) return get().checkAllMatching();
    set({ checked: new Set(items.map((item) => item.id)) });
  },
  checkedMatching: null,
  async checkAllMatching() {
    const request = listInput(get());
    try {
      const { ids, more } = await api['items-matching-ids'](request);
      // The moderator moved to another view or filter meanwhile: these ids are not what they see.
      if (JSON.stringify(listInput(get())) !== JSON.stringify(request)) return;
      const checked = new Set(ids);
      set({ checked, checkedMatching: { checked, more } });
    } catch (error) {
      get().report(error);
    }
  },
  clearChecked() {
    set({ checked: new Set() });
  },
});
