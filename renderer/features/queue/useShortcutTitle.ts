import { useMemo } from 'react';
import { useStore } from '../../store';
import { keyBindings, withKey, type ShortcutName } from './keymap';

/** Tooltips that name each action's key as currently bound: "Customer service (s)". */
export function useShortcutTitle(): (name: ShortcutName) => string {
  const overrides = useStore((state) => state.settings.keyBindings);
  const bindings = useMemo(() => keyBindings(overrides), [overrides]);
  return (name) => withKey(name, bindings);
}
