// Suggestions outside the queue's actions: what has been learned, the preview of "Accept all at or
// above N%", suggestions read again after learning, and the moderator's routing rules.
import { count } from '../../common/plural';
import { api, saveFile } from '../api';
import { attempter } from './attempt';
import type { SliceCreator, SuggestionsSlice } from './types';

/** The most comments one re-read of suggestions takes (items-suggestions' limit): rows further down keep theirs until the list is next read. */
const REREAD_LIMIT = 10_000;

export const createSuggestionsSlice: SliceCreator<SuggestionsSlice> = (set, get) => {
  const attempt = attempter(get);
  return {
    learning: null,
    async loadLearning() {
      const learning = await attempt(() => api['suggestions-status']());
      if (learning) set({ learning });
      return learning !== null;
    },
    async resetLearning() {
      const learning = await attempt(() => api['suggestions-reset']());
      if (learning) set({ learning, notice: 'Forgot what was learned: suggestions come from the built-in signals and your rules again.' });
    },
    previewAcceptAbove(threshold) {
      return api['suggestions-accept-above']({ threshold, preview: true });
    },
    async refreshSuggestions() {
      // Only each row's suggestion changes: rows keep their order and the selection its place, even
      // in a list sorted by suggestion, until the moderator reads the list again. One call reads the
      // suggestions of every row loaded and of the comment shown, by id.
      const detailId = get().detail?.id;
      const ids = [...new Set([...(detailId === undefined ? [] : [detailId]), ...get().items.map((item) => item.id)])].slice(0, REREAD_LIMIT);
      if (ids.length === 0) return;
      const fresh = await attempt(() => api['items-suggestions']({ ids }));
      if (!fresh) return;
      const byId = new Map(fresh.map(({ id, suggestion }) => [id, suggestion]));
      set((state) => ({
        items: state.items.map((item) => (byId.has(item.id) ? { ...item, suggestion: byId.get(item.id) ?? null } : item)),
        detail: state.detail && byId.has(state.detail.id) ? { ...state.detail, suggestion: byId.get(state.detail.id) ?? null } : state.detail,
      }));
    },
    rules: null,
    async loadRules() {
      const rules = await attempt(() => api['rules-list']());
      if (rules) set({ rules });
    },
    async saveRule(id, rule) {
      const saved = await api['rules-save']({ id, rule });
      await get().loadRules();
      set({ notice: `Saved the rule "${saved.name}".` });
      return saved;
    },
    previewRule(rule) {
      return api['rules-preview']({ rule });
    },
    async deleteRule(id) {
      const name = get().rules?.find((rule) => rule.id === id)?.name;
      if ((await attempt(() => api['rules-delete']({ id }))) === null) return;
      await get().loadRules();
      set({ notice: `Deleted the rule "${name ?? id}".` });
    },
    async moveRule(id, position) {
      const rules = await attempt(() => api['rules-move']({ id, position }));
      if (rules) set({ rules });
    },
    async exportRules() {
      const file = await attempt(() => api['rules-export']());
      if (file) await saveFile('switchboard-rules.json', 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    },
    async importRules(text) {
      let file: unknown;
      try {
        file = JSON.parse(text);
      } catch {
        throw new Error('That file is not JSON: choose a file made by "Export rules" or `switchboard rules export`.');
      }
      const result = await api['rules-import']({ file, replace: false });
      set({ rules: result.rules });
      return `Imported ${count(result.added, 'rule')}.`;
    },
  };
};
