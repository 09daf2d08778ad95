// Suggestions outside the queue's actions: what has been learned, the preview of "Accept all at or
// above N%", suggestions read again after learning, and the moderator's routing rules.
import { count } from '../../common/plural';
import { api, saveFile } from '../api';
import { attempter } from './attempt';
import { listInput } from './queue-slice';
import type { SliceCreator, SuggestionsSlice } from './types';

/** The most rows one re-read brings (items-list's limit): rows further down keep their suggestion until the list is next read. */
const REREAD_LIMIT = 500;

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
      const shown = get().items.length;
      const [page, detail] = await Promise.all([
        attempt(() => api['items-list']({ ...listInput(get()), limit: Math.min(REREAD_LIMIT, Math.max(shown, 1)) })),
        attempt(async () => {
          const id = get().detail?.id;
          return id === undefined ? null : api['item-get']({ id });
        }),
      ]);
      // Only each row's suggestion changes: rows keep their order and the selection its place, even
      // in a list sorted by suggestion, until the moderator reads the list again.
      const fresh = new Map((page?.items ?? []).map((item) => [item.id, item.suggestion]));
      set((state) => ({
        items: state.items.map((item) => (fresh.has(item.id) ? { ...item, suggestion: fresh.get(item.id) ?? null } : item)),
        detail: state.detail && detail && detail.id === state.detail.id ? { ...state.detail, suggestion: detail.suggestion } : state.detail,
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
