// The console's keyboard shortcuts, as bound in Settings. They never fire while typing in a field
// (there Escape alone goes back to the list, keeping the text, and Ctrl+K opens the palette) or
// while a dialog is open (dialogs handle their own keys); with single-key shortcuts switched off,
// only Ctrl+Z, Ctrl+K and the arrow keys remain.
import { useEffect } from 'react';
import { useStore } from '../../store';
import type { StoreState } from '../../store/types';
import { isPaletteChord, keyBindings, keyOf, type ShortcutName } from './keymap';
import { focusQueue } from './QueueList';
import { SHORTCUT_ACTIONS as ACTIONS } from './shortcut-actions';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return !!element.closest('input, textarea, select, [contenteditable="true"]');
}

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
      // The palette opens from anywhere, a text field too (Ctrl+K types nothing), but over no other dialog.
      if (isPaletteChord(event) && state.dialog === null) {
        event.preventDefault();
        state.openDialog('palette');
        return;
      }
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
