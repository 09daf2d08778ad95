import { sentence } from '../../common/errors';
import { api, saveFile } from '../api';
import { attempter } from './attempt';
import { draftKey, RETRY_MS, worthRetrying } from './unsaved-drafts';
import type { CustomerServiceSlice, SliceCreator } from './types';
import { count } from '../../common/plural';

export const createCustomerServiceSlice: SliceCreator<CustomerServiceSlice> = (set, get) => {
  const attempt = attempter(get);
  // The banner a failed draft save put up, taken down once every waiting draft is stored.
  let shownFailure: string | null = null;
  let retryTimer: ReturnType<typeof setInterval> | null = null;
  let saves = 0;
  const retryWaiting = () => {
    const waiting = Object.values(get().unsavedDrafts);
    if (waiting.length === 0 && retryTimer !== null) {
      clearInterval(retryTimer);
      retryTimer = null;
    }
    for (const draft of waiting) void get().saveDraft(draft.target, draft.body, draft.templates);
  };

  return {
    templates: [],
    async loadTemplates() {
      const templates = await attempt(() => api['templates-list']({}));
      if (templates) set({ templates });
    },
    async saveTemplate(template) {
      // A refusal (a placeholder Switchboard does not know, a name in use) is the dialog's to show, beside the form.
      await api['template-save'](template);
      await get().loadTemplates();
    },
    async deleteTemplate(id) {
      await attempt(() => api['template-delete']({ id }));
      await get().loadTemplates();
    },
    unsavedDrafts: {},
    async saveDraft(target, body, templates) {
      const key = draftKey(target);
      // Saves of one draft may overlap (a retry and a keystroke): the latest text wins.
      const order = (saves += 1);
      try {
        const draft = await api['draft-save']({ ...target, body, templates });
        // Only text as old as this or older stops waiting: newer text typed meanwhile still waits.
        set((state) => {
          if ((state.unsavedDrafts[key]?.order ?? Infinity) > order) return {};
          const { [key]: _saved, ...rest } = state.unsavedDrafts;
          return { unsavedDrafts: rest };
        });
        if (shownFailure !== null && Object.keys(get().unsavedDrafts).length === 0) {
          if (get().error === shownFailure) get().dismissError();
          shownFailure = null;
        }
        return draft;
      } catch (error) {
        // As the banner shows it, so that the banner can be taken down once the draft is saved.
        const message = sentence(error);
        // The same failure again (a retry, the next keystroke) is not put back once dismissed.
        if (message !== shownFailure) get().report(error);
        if (!worthRetrying(error)) return null;
        shownFailure = message;
        set((state) => ((state.unsavedDrafts[key]?.order ?? 0) > order ? {} : { unsavedDrafts: { ...state.unsavedDrafts, [key]: { target, body, templates, order } } }));
        retryTimer ??= setInterval(retryWaiting, RETRY_MS);
        return null;
      }
    },
    async markReady(ids) {
      const done = await attempt(() => api['drafts-ready']({ ids }));
      if (done) set({ notice: 'Reply ready to export. z to undo.' });
      await get().reloadSelected();
      return done !== null;
    },
    async markIncidentReady(incidentId) {
      const incident = await attempt(() => api['incident-get']({ id: incidentId }));
      return incident ? get().markReady(incident.itemIds) : false;
    },
    async resolve(ids) {
      if (await attempt(() => api['service-resolve']({ ids }))) set({ notice: 'Resolved. z to undo.' });
      await get().reloadSelected();
    },
    async answeredBy(id, answerId) {
      if (await attempt(() => api['service-answered-by']({ id, answerId }))) set({ notice: 'Answered by the community; the helper is in the spotlight with a thank-you drafted. z to undo.' });
      await get().reloadSelected();
    },
    async createIncident(ids, title) {
      if (await attempt(() => api['incident-create']({ ids, title }))) set({ notice: `Incident "${title}" created for ${count(ids.length, 'comment')}.`, checked: new Set() });
      await get().reloadSelected();
    },
    async suggestIncident(id) {
      const ids = await attempt(() => api['incident-suggest']({ id }));
      if (!ids) return;
      set({ checked: new Set(ids), notice: ids.length > 1 ? `${ids.length} look-alike complaints selected: make them an incident from the selection bar.` : 'No other comment looks like this one.' });
    },
    async exportReplies(format, status, bom) {
      const result = await attempt(() => api['drafts-export']({ format, status, bom }));
      if (!result) return;
      const saved = await attempt(() => saveFile(result.fileName, result.mimeType, result.content));
      if (!saved) return set({ notice: 'Export cancelled; the replies stay as they were.' });
      if (await attempt(() => api['drafts-mark-exported']({ ids: result.itemIds }))) {
        set({ notice: `Exported ${count(result.count, 'reply', 'replies')} to ${result.fileName}.` });
        await get().reloadSelected();
      }
    },
  };
};
