// The console's single-key shortcuts. They never fire while typing in a field or while a dialog
// is open (dialogs handle their own keys).
import { useEffect } from 'react';
import type { ViewName } from '../../../main/api/types';
import { openExternal } from '../../api';
import { useStore } from '../../store';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return !!element.closest('input, textarea, select, [contenteditable="true"]');
}

const GO: Record<string, ViewName> = { i: 'inbox', s: 'service', c: 'spotlight', d: 'done' };

export function useKeyboard(): void {
  useEffect(() => {
    let goPending = false;
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useStore.getState();
      if (event.altKey || event.metaKey || typing(event.target) || state.dialog !== null) return;
      if (event.ctrlKey) {
        if (event.key.toLowerCase() === 'z') {
          event.preventDefault();
          void state.undo();
        }
        return;
      }
      if (goPending) {
        goPending = false;
        const view = GO[event.key];
        if (view) {
          event.preventDefault();
          void state.showView(view);
        }
        return;
      }
      const run: Record<string, () => void> = {
        j: () => void state.selectRelative(1),
        k: () => void state.selectRelative(-1),
        ArrowDown: () => void state.selectRelative(1),
        ArrowUp: () => void state.selectRelative(-1),
        o: () => document.getElementById('item-detail')?.focus(),
        Enter: () => document.getElementById('item-detail')?.focus(),
        v: () => state.detail?.url && openExternal(state.detail.url),
        s: () => void state.route('service', 'current'),
        c: () => void state.route('spotlight', 'current'),
        i: () => void state.route('ignore', 'current'),
        e: () => void state.done('current'),
        b: () => state.selectedId !== null && state.openDialog('snooze'),
        x: () => state.selectedId !== null && state.toggleChecked(state.selectedId),
        X: () => state.checkAll(),
        S: () => void state.route('service', 'selection'),
        C: () => void state.route('spotlight', 'selection'),
        I: () => void state.route('ignore', 'selection'),
        E: () => void state.done('selection'),
        z: () => void state.undo(),
        '/': () => document.getElementById('queue-search')?.focus(),
        '?': () => state.openDialog('shortcuts'),
        g: () => (goPending = true),
        Escape: () => state.clearChecked(),
      };
      const action = run[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
