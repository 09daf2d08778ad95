// The console's keyboard shortcuts, as bound in Settings. They never fire while typing in a field
// (there Escape alone goes back to the list, keeping the text) or while a dialog is open (dialogs
// handle their own keys); with single-key shortcuts switched off, only Ctrl+Z and the arrow keys
// remain.
import { useEffect } from 'react';
import { openExternal } from '../../api';
import { useStore } from '../../store';
import type { StoreState } from '../../store/types';
import { keyBindings, keyOf, type ShortcutName } from './keymap';
import { focusQueue } from './QueueList';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return !!element.closest('input, textarea, select, [contenteditable="true"]');
}

const ACTIONS: Record<ShortcutName, (state: StoreState) => void> = {
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
  check: (state) => state.selectedId !== null && state.toggleChecked(state.selectedId),
  checkAll: (state) => state.checkAll(),
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
};

/** Escape on the list: unticks the selection; with nothing ticked, clears the search. */
function escapeOnList(state: StoreState): void {
  if (state.checked.size > 0) state.clearChecked();
  else if (state.filters.search) void state.setFilters({ search: undefined });
}

/** Keys that always work (not rebindable): arrows move, Enter opens, Escape unticks or clears the search. */
const FIXED: Record<string, ShortcutName | ((state: StoreState) => void)> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Enter: 'open',
  Escape: escapeOnList,
};

export function useKeyboard(): void {
  useEffect(() => {
    let prefix = '';
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useStore.getState();
      // Escape in a text field of the console (not a dialog's, and not one that used it itself, like
      // the saved-reply picker) goes back to the list; the field keeps its text (and a search box
      // its words: Chromium would clear it).
      if (event.key === 'Escape' && typing(event.target) && state.dialog === null && !event.defaultPrevented) {
        event.preventDefault();
        focusQueue();
        return;
      }
      if (event.altKey || event.metaKey || typing(event.target) || state.dialog !== null) return;
      if (event.ctrlKey) {
        if (event.key.toLowerCase() === 'z') {
          event.preventDefault();
          void state.undo();
        }
        return;
      }
      const key = keyOf(event);
      // Enter on a focused button or link presses it; it does not "open" the comment.
      if (key === 'Enter' && (event.target as HTMLElement | null)?.closest?.('button, a, [role="button"]')) return;
      const fixed = FIXED[key];
      if (fixed) {
        event.preventDefault();
        return typeof fixed === 'function' ? fixed(state) : ACTIONS[fixed](state);
      }
      if (!state.settings.singleKeyShortcuts || key === 'Shift') return;
      const bindings = keyBindings(state.settings.keyBindings);
      const pressed = prefix ? `${prefix} ${key}` : key;
      const name = (Object.keys(bindings) as ShortcutName[]).find((candidate) => bindings[candidate] === pressed);
      const startsSequence = !prefix && Object.values(bindings).some((binding) => binding.startsWith(`${key} `));
      prefix = !name && startsSequence ? key : '';
      if (!name && !startsSequence) return;
      event.preventDefault();
      // A held key repeats only moving through the list, never routing one comment after another.
      if (event.repeat && name !== 'next' && name !== 'previous') return;
      if (name) ACTIONS[name](state);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
