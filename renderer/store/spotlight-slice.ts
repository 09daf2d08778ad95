import { api, saveFile } from '../api';
import { attempter } from './attempt';
import type { SliceCreator, SpotlightSlice } from './types';
import { count } from '../../common/plural';

export const createSpotlightSlice: SliceCreator<SpotlightSlice> = (set, get) => {
  const attempt = attempter(get);
  const change = async (run: () => Promise<unknown>) => {
    if ((await attempt(run)) === null) return false;
    await get().reloadSelected();
    return true;
  };

  return {
    async recognise(input, notice) {
      if ((await attempt(() => api['spotlight-act'](input))) === null) return false;
      set({ notice });
      await get().reloadSelected();
      return true;
    },
    loadMembers: (since) => attempt(() => api['members-list']({ since })),
    loadMember: (id) => attempt(() => api['member-get']({ id })),
    noteMember: (id, note) => change(() => api['member-note']({ id, note })),
    mergeMembers: (into, from) => change(() => api['member-merge']({ into, from })),
    splitMember: (id) => change(() => api['member-split']({ id })),
    loadStats: (period) => attempt(() => api.stats(period)),
    async exportDigest(format) {
      const to = new Date();
      const from = new Date(to.getTime() - 30 * 86_400_000);
      const result = await attempt(() => api['digest-export']({ from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), format }));
      if (result && (await attempt(() => saveFile(result.fileName, result.mimeType, result.content)))) set({ notice: `Saved ${count(result.count, 'highlight')} to ${result.fileName}.` });
    },
  };
};
