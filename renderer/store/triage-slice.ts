import { ROUTE_LABELS } from '../../common/labels';
import { count } from '../../common/plural';
import type { ItemSummary, Route, TriageResult } from '../../common/types';
import { isInView } from '../../common/views';
import { api } from '../api';
import { forgetOwnAction, ownActions } from '../own-actions';
import { undoNotice } from './undo-notice';
import { isLeaseRefusal } from './team-slice';
import { commentsOf } from './comment-names';
import { acceptNotice, bulkNotice } from './suggestion-notices';
import type { SliceCreator, SnoozeChoice, StoreState, TriageSlice } from './types';

type Place = Pick<ItemSummary, 'status' | 'route'>;

function targets(state: StoreState, target: 'selection' | 'current' | undefined): number[] {
  if (target !== 'current' && state.checked.size > 0) return [...state.checked];
  return state.selectedId === null ? [] : [state.selectedId];
}

/** Whether a comment with this status and route is in the list on screen: its view and its status and route filters (an action changes nothing else a filter looks at). */
function belongs(state: StoreState, place: Place): boolean {
  const { status, route } = state.filters;
  return isInView(state.view, place) && (status === undefined || status === place.status) && (route === undefined || route === place.route);
}

/** A comment as the screen has it: its row, or the detail pane's (one opened from a thread need not be in the list). */
function onScreen(state: StoreState, id: number): ItemSummary | undefined {
  return state.items.find((item) => item.id === id) ?? (state.detail?.id === id ? state.detail : undefined);
}

/** The comments acted on, by author, as the toast names them. */
function named(state: StoreState, ids: number[]): string {
  return commentsOf(ids.flatMap((id) => onScreen(state, id) ?? []), ids.length);
}

export const createTriageSlice: SliceCreator<TriageSlice> = (set, get) => {
  /**
   * The audit ids this console's answers returned whose items-changed event has not come yet, with how
   * many are due (an undo's event repeats the id of the action it undid). Those events need no reload:
   * the screen was updated from the answer.
   */
  const ownChanges = new Map<number, number>();
  const expectOwn = (auditId: number): void => {
    ownChanges.set(auditId, (ownChanges.get(auditId) ?? 0) + 1);
  };
  const claimOwn = (auditId: number): boolean => {
    const due = ownChanges.get(auditId);
    if (!due) return false;
    if (due === 1) ownChanges.delete(auditId);
    else ownChanges.set(auditId, due - 1);
    return true;
  };
  /** items-changed events that came while actions were in flight (their answers may still be on the way), judged once all are in; undefined: reload. */
  let held: (number | undefined)[] = [];

  const refresh = async () => {
    await Promise.all([get().loadView(), get().refreshFeeds()]);
  };

  /** One action fewer in flight; after the last, reload only if something besides this console's own answers changed. */
  const settle = async (reload: boolean) => {
    set((current) => ({ pendingActions: current.pendingActions - 1 }));
    if (get().pendingActions > 0) {
      if (reload) held.push(undefined);
      return;
    }
    const foreign = held.filter((auditId) => auditId === undefined || !claimOwn(auditId)).length > 0;
    held = [];
    if (reload || foreign || get().reloadOwed) await refresh();
  };

  /**
   * Updates the list from an action's answer: changed rows replaced, rows that no longer belong
   * dropped, the feed list's "new" counts moved, and the comment moved on to shown in full.
   * False when a changed comment was not on screen before, so the feed counts cannot be followed.
   */
  const applyAnswer = (result: TriageResult, before: Map<number, ItemSummary>, next: number | undefined): boolean => {
    const changed = new Map(result.items.map((item) => [item.id, item]));
    const newDelta = new Map<number, number>();
    let known = true;
    for (const item of result.items) {
      const was = before.get(item.id);
      if (!was) known = false;
      const moved = Number(item.status === 'new') - Number(was?.status === 'new');
      if (was && moved !== 0) newDelta.set(item.feedId, (newDelta.get(item.feedId) ?? 0) + moved);
    }
    set((state) => ({
      items: state.items.flatMap((item) => {
        const now = changed.get(item.id);
        if (!now) return [item];
        return belongs(state, now) ? [now] : [];
      }),
      detail: state.detail && changed.has(state.detail.id) ? { ...state.detail, ...changed.get(state.detail.id) } : state.detail,
      feeds: state.feeds && newDelta.size > 0 ? state.feeds.map((feed) => ({ ...feed, newCount: feed.newCount + (newDelta.get(feed.id) ?? 0) })) : state.feeds,
    }));
    if (next !== undefined && get().selectedId === next) {
      if (result.next) set({ detail: result.next.detail, context: result.next.context });
      else void get().select(next);
    }
    return known;
  };

  /**
   * Updates the screen at once (comments that leave the list disappear, the next one is selected and
   * painted from its row), then sends the one call; its answer brings the changed rows and the next
   * comment in full, and the counts follow as an event. `change` is the status and route the action
   * gives (a route left out stays as it was).
   */
  const runAction = async <R extends TriageResult>(
    ids: number[],
    change: Partial<Place> | ((item: ItemSummary) => Partial<Place>),
    message: string | ((result: R) => string),
    send: (next: number | undefined) => Promise<R>,
  ) => {
    if (ids.length === 0) return;
    // The toast of the action before goes: this one's replaces it once stored. So does a refusal
    // the moderator acted past (leaving that comment to whoever holds it).
    set({ notice: null, teamRefusal: null });
    const state = get();
    const before = new Map<number, ItemSummary>();
    for (const id of ids) {
      const item = onScreen(state, id);
      if (item) before.set(id, item);
    }
    const changeOf = typeof change === 'function' ? change : () => change;
    const leaving = new Set([...before.values()].filter((item) => !belongs(state, { status: item.status, route: item.route, ...changeOf(item) })).map((item) => item.id));
    const remaining = leaving.size > 0 ? state.items.filter((item) => !leaving.has(item.id)) : state.items;
    let next: number | undefined;
    if (state.selectedId !== null && leaving.has(state.selectedId)) {
      // The first comment after the selected one that stays in the list (ticked ones above it
      // leaving must not make the cursor skip any); at the end of the list, the last one before it.
      const index = state.items.findIndex((item) => item.id === state.selectedId);
      const stays = (item: ItemSummary) => !leaving.has(item.id);
      next = (state.items.slice(index + 1).find(stays) ?? state.items.slice(0, Math.max(index, 0)).findLast(stays))?.id;
      set({ items: remaining, checked: new Set() });
      get().preview(next ?? null);
      const nextIndex = remaining.findIndex((item) => item.id === next);
      if (next !== undefined && nextIndex >= remaining.length - 20) void get().loadMore();
    } else {
      set({ items: remaining, checked: new Set() });
    }
    set((current) => ({ pendingActions: current.pendingActions + 1 }));
    let reload = false;
    let failed = false;
    let held = false;
    try {
      const result = await send(next);
      expectOwn(result.auditId);
      reload = !applyAnswer(result, before, next);
      set({ notice: `${typeof message === 'function' ? message(result) : message} z to undo.` });
    } catch (error) {
      // Another moderator holds it: not a failure but a choice the moderator makes (take over, or leave it).
      held = isLeaseRefusal(error);
      if (held) get().refusedByTeam({ itemIds: ids, error, retry: () => runAction(ids, change, message, send) });
      else get().report(error);
      // The screen moved on for an action that was not stored: show what is.
      reload = true;
      failed = true;
    }
    await settle(reload || (get().items.length === 0 && get().nextCursor !== null));
    // The comment moved on to was painted from its row only; its answer never came, so read it in full.
    // A comment someone else holds is shown again, with who holds it.
    if (held && state.selectedId !== null && ids.includes(state.selectedId)) await get().select(state.selectedId);
    else if (failed) await get().reloadSelected();
  };

  /**
   * An action the service works out itself over stored comments (every suggestion above a threshold,
   * a rule applied): one call, then the list is read again once, since the console cannot know
   * beforehand which rows leave. Resolves to whether it was stored.
   */
  const runStoredAction = async <R extends { auditId: number | null }>(send: () => Promise<R>, notice: (result: R) => string): Promise<boolean> => {
    set((current) => ({ notice: null, pendingActions: current.pendingActions + 1 }));
    let stored = false;
    try {
      const result = await send();
      if (result.auditId !== null) expectOwn(result.auditId);
      set({ notice: notice(result) });
      stored = true;
    } catch (error) {
      get().report(error);
    }
    await settle(stored);
    return stored;
  };

  return {
    notice: null,
    pendingActions: 0,
    async route(route: Route, target) {
      const ids = targets(get(), target);
      const what = named(get(), ids);
      const message = route === 'ignore' ? `Ignored ${what}.` : `Routed ${what} to ${ROUTE_LABELS[route].destination}.`;
      await runAction(ids, { status: 'routed', route }, message, (next) => api['items-route']({ ids, route, next }));
    },
    async done(target) {
      const ids = targets(get(), target);
      await runAction(ids, { status: 'done' }, `Marked ${named(get(), ids)} done.`, (next) => api['items-done']({ ids, next }));
    },
    async snooze(choice: SnoozeChoice, target) {
      const ids = targets(get(), target);
      const when = 'until' in choice ? new Date(choice.until).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'its author writes again';
      await runAction(ids, { status: 'snoozed' }, `Snoozed ${named(get(), ids)} until ${when}.`, (next) => api['items-snooze']({ ids, ...choice, next }));
    },
    async undo() {
      set((current) => ({ pendingActions: current.pendingActions + 1 }));
      let reload = false;
      let restored: number | undefined;
      try {
        const result = await api['items-undo']({ auditIds: ownActions() });
        if (result.auditId !== null) expectOwn(result.auditId);
        if (result.superseded !== undefined) forgetOwnAction(result.superseded);
        set({ notice: undoNotice(result) });
        // The comments come back in their places: the page and the feed list are read again, once.
        reload = result.action !== null;
        restored = result.itemIds[0];
      } catch (error) {
        get().report(error);
      }
      await settle(reload);
      // The cursor goes back to the comment restored, shown in full.
      if (restored !== undefined) await get().select(restored);
    },
    async accept(target) {
      const state = get();
      // A suggestion is about where to route: a comment routed already keeps its route.
      const ids = targets(state, target).filter((id) => (onScreen(state, id)?.route ?? null) === null);
      if (ids.length === 0) return set({ notice: state.selectedId === null ? 'Select a comment first.' : 'Routed already: a accepts suggestions for comments not yet routed.' });
      // Nothing to send when every comment named is on screen without a suggestion.
      const unsuggested = (id: number) => {
        const item = onScreen(state, id);
        return item !== undefined && !item.suggestion?.route;
      };
      if (ids.every(unsuggested)) {
        return set({ notice: `No suggestion for ${named(state, ids)}: route ${ids.length === 1 ? 'it' : 'them'} yourself.` });
      }
      await runAction(
        ids,
        (item) => (item.suggestion?.route ? { status: 'routed', route: item.suggestion.route } : {}),
        (result: TriageResult & { skipped: number[] }) => {
          const skipped = new Set(result.skipped);
          return acceptNotice(result.items.filter((item) => !skipped.has(item.id)), skipped.size);
        },
        (next) => api['items-accept']({ ids, next }),
      );
    },
    acceptAbove(threshold, expect) {
      const percent = `${Math.round(threshold * 100)}%`;
      return runStoredAction(
        () => api['suggestions-accept-above']({ threshold, preview: false, expect }),
        (result) => `${bulkNotice(`Accepted every suggestion at or above ${percent}`, result)}${result.count > 0 ? ' z to undo.' : ''}`,
      );
    },
    applyRule(id) {
      const rule = get().rules?.find((candidate) => candidate.id === id);
      return runStoredAction(
        () => api['rules-apply']({ id }),
        (result) => {
          const snoozed = result.snoozed > 0 ? ` Snoozed ${count(result.snoozed, 'comment')}.` : '';
          const changed = result.count + result.snoozed > 0;
          return `${bulkNotice(`Applied the rule "${rule?.name ?? id}"`, result)}${snoozed}${changed ? ' z to undo.' : ''}`;
        },
      );
    },
    async saveNote(id, note) {
      try {
        await api['item-note']({ id, note });
        set({ notice: 'Note saved. z to undo.' });
      } catch (error) {
        get().report(error);
      }
    },
    itemsChanged(change) {
      if (change.auditId !== undefined && claimOwn(change.auditId)) return;
      if (get().pendingActions > 0) {
        held.push(change.auditId);
        return;
      }
      void refresh();
    },
  };
};
