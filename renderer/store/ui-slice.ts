import type { SliceCreator, StoreState, UiSlice } from './types';

/** Why the comment shown cannot take the request, in the moderator's words; null when it can. */
function refusal(state: StoreState, kind: NonNullable<StoreState['commentRequest']>['kind']): string | null {
  const { detail } = state;
  if (detail === null) return 'Select a comment first.';
  if (kind === 'mark-ready' || kind === 'insert-reply' || kind === 'focus-reply') return null;
  return detail.route === 'spotlight' ? null : 'Feature, Thank, Invite and Community answer are for comments in the community spotlight: route this one there first.';
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  dialog: null,
  composerFor: null,
  memberId: null,
  openMember(id) {
    set({ dialog: 'member', memberId: id });
  },
  openComposer() {
    const id = get().selectedId;
    if (id === null) return;
    // The composer takes focus once it is drawn for this comment: its detail may still be on the way
    // (a click just before r), and focusing whatever composer was there lost the first keys typed.
    set({ composerFor: id, commentRequest: { kind: 'focus-reply', itemId: id } });
  },
  focusFeedId: null,
  openDialog(dialog, focusFeedId) {
    set({ dialog, focusFeedId: focusFeedId ?? null });
  },
  closeDialog() {
    set({ dialog: null, focusFeedId: null });
  },
  commentRequest: null,
  requestOnComment(ask) {
    const { kind } = ask;
    const state = get();
    // Ticked comments are marked ready together: their drafts are stored already.
    if (kind === 'mark-ready' && state.checked.size > 0) return void state.markReady([...state.checked]);
    const refused = refusal(state, kind);
    if (refused !== null || state.detail === null) return set({ notice: refused });
    const itemId = state.detail.id;
    // A reply is written in the composer, shown for any comment once asked for.
    if (kind === 'mark-ready' || kind === 'insert-reply') set({ composerFor: itemId });
    set({ commentRequest: { ...ask, itemId } });
  },
  takeCommentRequest() {
    const request = get().commentRequest;
    if (request !== null) set({ commentRequest: null });
    return request;
  },
});
