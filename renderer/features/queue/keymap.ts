// The default keys. Every button's tooltip shows its key; the shortcut help lists them all.
export interface Shortcut {
  keys: string;
  label: string;
}

export const SHORTCUTS = {
  next: { keys: 'j', label: 'Next comment' },
  previous: { keys: 'k', label: 'Previous comment' },
  open: { keys: 'o', label: 'Open (read) the comment' },
  original: { keys: 'v', label: 'Open original in the browser' },
  service: { keys: 's', label: 'Customer service' },
  spotlight: { keys: 'c', label: 'Community spotlight' },
  ignore: { keys: 'i', label: 'Ignore' },
  done: { keys: 'e', label: 'Done' },
  snooze: { keys: 'b', label: 'Snooze' },
  reply: { keys: 'r', label: 'Reply' },
  markReady: { keys: 'm', label: 'Mark the reply ready (the comment, or the selection)' },
  feature: { keys: 'f', label: 'Feature (spotlight)' },
  thank: { keys: 't', label: 'Thank (spotlight)' },
  invite: { keys: 'n', label: 'Invite (spotlight)' },
  answer: { keys: 'w', label: 'Mark as the community answer (spotlight)' },
  accept: { keys: 'a', label: 'Accept the suggestion (the comment, or the selection)' },
  check: { keys: 'x', label: 'Select for a bulk action' },
  checkAll: { keys: 'Shift+X', label: 'Select all shown; again: all matching' },
  bulkService: { keys: 'Shift+S', label: 'Selection to customer service' },
  bulkSpotlight: { keys: 'Shift+C', label: 'Selection to community spotlight' },
  bulkIgnore: { keys: 'Shift+I', label: 'Ignore the selection' },
  bulkDone: { keys: 'Shift+E', label: 'Selection done' },
  undo: { keys: 'z', label: 'Undo (also Ctrl+Z)' },
  search: { keys: '/', label: 'Search' },
  help: { keys: '?', label: 'Keyboard shortcuts' },
  goInbox: { keys: 'g i', label: 'Go to Inbox' },
  goService: { keys: 'g s', label: 'Go to Customer service' },
  goSpotlight: { keys: 'g c', label: 'Go to Spotlight' },
  goDone: { keys: 'g d', label: 'Go to Done' },
  goSnoozed: { keys: 'g z', label: 'Go to Snoozed' },
  goIgnored: { keys: 'g n', label: 'Go to Ignored' },
  goAll: { keys: 'g a', label: 'Go to All' },
} satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;

/**
 * Fixed keys (not rebindable): chords that work even in a text field, and the keys of the fields
 * themselves. A field takes every printable key as text, so its own commands are chords or
 * Escape: a bare key (";" once opened the saved-reply picker) would eat what the moderator types.
 */
export const SAVED_REPLY_KEY = 'Ctrl+;';

/** The command palette's chord: Ctrl+K (Cmd+K on a Mac), anywhere, even in a text field. */
export const PALETTE_KEY = 'Ctrl+K';

export const FIXED_KEYS = [
  { keys: PALETTE_KEY, label: 'Command palette: every action, view, saved reply and setting (⌘K on a Mac)' },
  { keys: '↑ ↓, Enter', label: 'In the palette: choose, and run it on the comment or the selection' },
  { keys: SAVED_REPLY_KEY, label: 'Insert a saved reply (in the reply; ⌘; on a Mac)' },
  { keys: 'Enter, ↓', label: 'From the search box to the results' },
  { keys: 'Escape', label: 'From any text field back to the list, keeping what was typed' },
  { keys: 'Escape', label: 'On the list: untick the selection, else clear the search' },
] as const satisfies readonly Shortcut[];

/** The chord that opens the saved-reply picker in the reply: Ctrl+; (Cmd+; on a Mac). */
export function isSavedReplyChord(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return event.key === ';' && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** The chord that opens the command palette: Ctrl+K (Cmd+K on a Mac). */
export function isPaletteChord(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean {
  return event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

export type KeyBindings = Record<ShortcutName, string>;

/** The defaults, with the moderator's rebindings over them. */
export function keyBindings(overrides: Record<string, string> | undefined): KeyBindings {
  const bindings = Object.fromEntries(Object.entries(SHORTCUTS).map(([name, shortcut]) => [name, shortcut.keys])) as KeyBindings;
  for (const [name, key] of Object.entries(overrides ?? {})) if (name in bindings) bindings[name as ShortcutName] = key;
  return bindings;
}

/** How a key press is written in bindings: "j", "?", "Shift+S" (a shifted letter), "Enter". */
export function keyOf(event: { key: string; shiftKey: boolean }): string {
  return event.shiftKey && /^[A-Z]$/.test(event.key) ? `Shift+${event.key}` : event.key;
}

/** "Customer service (s)": what a button's tooltip says. */
export function withKey(name: ShortcutName, bindings: KeyBindings): string {
  return `${SHORTCUTS[name].label} (${bindings[name]})`;
}
