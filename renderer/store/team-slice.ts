// The team workspace as this console sees it: where the desktop stands (team-status), the decisions
// the workspace refused (team-conflicts), and the leases this moderator takes on the comment they
// work on. Solo, team-status is read once at start and nothing else here ever calls the service.
import { SwitchboardError, sentence } from '../../common/errors';
import type { TeamLease } from '../../common/types';
import { api } from '../api';
import { createLeaseKeeper } from './lease-keeper';
import type { SliceCreator, TeamSlice } from './types';

/** A refusal of an action because another moderator holds the comment (the lease guard's error). */
export function isLeaseRefusal(error: unknown): error is SwitchboardError {
  return error instanceof SwitchboardError && error.code === 'conflict' && error.stage === 'team';
}

export const createTeamSlice: SliceCreator<TeamSlice> = (set, get) => {
  const inTeam = () => get().team?.mode === 'team';
  const keeper = createLeaseKeeper(inTeam);

  /** Nobody else holds it any more, as far as this screen is concerned. */
  const forgetLease = (itemIds: readonly number[]) => {
    const ids = new Set(itemIds);
    const free = <T extends { id: number; lease?: TeamLease | null }>(item: T): T => (ids.has(item.id) && item.lease ? { ...item, lease: null } : item);
    set((state) => ({
      items: state.items.map(free),
      detail: state.detail && free(state.detail),
    }));
  };

  return {
    team: null,
    conflicts: null,
    teamRefusal: null,
    async refreshTeam() {
      try {
        const team = await api['team-status']();
        const joined = team.mode === 'team' && get().team?.mode !== 'team';
        set({ team });
        if (team.mode !== 'team') return keeper.follow(null);
        // The comment already open when the console learns it is in a team is claimed like any other.
        if (joined) keeper.follow(get().selectedId);
        // The panel's list follows the count; it is read only while there is something to list or it is open.
        if (team.conflicts > 0 || (get().conflicts?.length ?? 0) > 0) await get().loadConflicts();
      } catch (error) {
        get().report(error);
      }
    },
    async loadConflicts() {
      try {
        set({ conflicts: await api['team-conflicts']() });
      } catch (error) {
        get().report(error);
      }
    },
    async resolveConflict(conflictId, keep) {
      try {
        await api['team-resolve']({ conflictId, keep });
        set((state) => ({ conflicts: state.conflicts?.filter((conflict) => conflict.id !== conflictId) ?? null }));
        set({ notice: keep === 'mine' ? 'Your decision is sent again, over theirs.' : 'Kept theirs: your decision is dropped.' });
      } catch (error) {
        get().report(error);
      }
      await get().refreshTeam();
    },
    followSelection(itemId) {
      keeper.follow(itemId);
    },
    startReply(itemId) {
      keeper.reply(itemId);
    },
    async takeOver(itemIds) {
      try {
        const answers = await Promise.all(itemIds.map((itemId) => keeper.takeOver(itemId)));
        const refused = answers.find((answer) => !answer.held && answer.lease);
        if (refused?.lease) {
          set({ notice: `Could not take it over: ${refused.lease.holder} still holds it.` });
          return false;
        }
        forgetLease(itemIds);
        return true;
      } catch (error) {
        get().report(error);
        return false;
      }
    },
    refusedByTeam(refusal) {
      set({ teamRefusal: refusal === null ? null : { ...refusal, message: sentence(refusal.error) } });
    },
    releaseAll() {
      keeper.follow(null);
    },
  };
};
