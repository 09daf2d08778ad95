// What each shortcut does: the keys (useKeyboard) and the command palette run the same function.
import { openExternal } from '../../api';
import type { StoreState } from '../../store/types';
import type { ShortcutName } from './keymap';

export const SHORTCUT_ACTIONS: Record<ShortcutName, (state: StoreState) => void> = {
  next: (state) => void state.selectRelative(1),
  previous: (state) => void state.selectRelative(-1),
  open: () => document.getElementById('item-detail')?.focus(),
  original: (state) => state.detail?.url && openExternal(state.detail.url),
  service: (state) => void state.route('service', 'current'),
  spotlight: (state) => void state.route('spotlight', 'current'),
  ignore: (state) => void state.route('ignore', 'current'),
  done: (state) => void state.done('current'),
  snooze: (state) => state.selectedId !== null && state.openDialog('snooze'),
  reply: (state) => state.openComposer(),
  markReady: (state) => state.requestOnComment({ kind: 'mark-ready' }),
  feature: (state) => state.requestOnComment({ kind: 'feature' }),
  thank: (state) => state.requestOnComment({ kind: 'thank' }),
  invite: (state) => state.requestOnComment({ kind: 'invite' }),
  answer: (state) => state.requestOnComment({ kind: 'answer' }),
  // The ticked comments, else the one shown: like m, a acts on the selection when there is one.
  accept: (state) => void state.accept(),
  check: (state) => state.selectedId !== null && state.toggleChecked(state.selectedId),
  checkAll: (state) => void state.checkAll(),
  bulkService: (state) => void state.route('service', 'selection'),
  bulkSpotlight: (state) => void state.route('spotlight', 'selection'),
  bulkIgnore: (state) => void state.route('ignore', 'selection'),
  bulkDone: (state) => void state.done('selection'),
  undo: (state) => void state.undo(),
  search: () => document.getElementById('queue-search')?.focus(),
  help: (state) => state.openDialog('shortcuts'),
  goInbox: (state) => void state.showView('inbox'),
  goService: (state) => void state.showView('service'),
  goSpotlight: (state) => void state.showView('spotlight'),
  goDone: (state) => void state.showView('done'),
  goSnoozed: (state) => void state.showView('snoozed'),
  goIgnored: (state) => void state.showView('ignored'),
  goAll: (state) => void state.showView('all'),
};

