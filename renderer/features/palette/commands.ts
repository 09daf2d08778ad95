// Everything the command palette offers, each with its key as bound now: the actions (the same
// functions the keys run), every view and feed and saved search, the saved replies and the
// settings. Built from the store on each opening, so a new saved reply or a rebinding shows.
import { VIEW_NAMES } from '../../../common/types';
import { VIEW_LABELS } from '../../../common/labels';
import type { StoreState } from '../../store/types';
import { keyBindings, SAVED_REPLY_KEY, SHORTCUTS, type ShortcutName } from '../queue/keymap';
import { SHORTCUT_ACTIONS } from '../queue/shortcut-actions';
import { openSavedSearch } from '../queue/SavedSearches';

export type CommandGroup = 'Action' | 'View' | 'Saved reply' | 'Setting';

export interface Command {
  id: string;
  group: CommandGroup;
  label: string;
  /** The key that does the same outside the palette, if there is one. */
  keys: string | null;
  run(state: StoreState): void;
}

/** The key that goes to each view (g then a letter). */
const VIEW_KEYS = { inbox: 'goInbox', service: 'goService', spotlight: 'goSpotlight', done: 'goDone', snoozed: 'goSnoozed', ignored: 'goIgnored', all: 'goAll' } as const satisfies Record<(typeof VIEW_NAMES)[number], ShortcutName>;
const GO_KEYS = new Set<ShortcutName>(Object.values(VIEW_KEYS));

/**
 * In the palette the one-comment routes act on the selection when there is one, else on the
 * comment shown: the palette has no Shift to tell them apart.
 */
const ON_SELECTION_OR_CURRENT: Partial<Record<ShortcutName, (state: StoreState) => void>> = {
  service: (state) => void state.route('service'),
  spotlight: (state) => void state.route('spotlight'),
  ignore: (state) => void state.route('ignore'),
  done: (state) => void state.done(),
};

/** Dialogs with no key of their own. */
const DIALOG_ACTIONS = [
  ['subscribe', 'Subscribe to a feed…'],
  ['feed-health', 'Feed health…'],
  ['templates', 'Saved replies…'],
  ['export', 'Export replies…'],
  ['members', 'Members…'],
  ['dashboard', 'Dashboard…'],
  ['accept-above', 'Accept all suggestions at or above N%…'],
  ['rules', 'Routing rules…'],
] as const;

/** In a team workspace: its conflicts, and taking over the comment shown (a team server fetches and subscribes for everyone). */
function teamCommands(state: StoreState): Command[] {
  const commands: Command[] = [{ id: 'team:conflicts', group: 'Action', label: 'Team conflicts to resolve…', keys: null, run: (current) => current.openDialog('team-conflicts') }];
  const shown = state.detail;
  const lease = state.items.find((item) => item.id === shown?.id)?.lease ?? shown?.lease;
  if (shown !== null && lease) {
    commands.push({ id: 'team:take-over', group: 'Action', label: 'Take over this comment from the moderator holding it', keys: null, run: (current) => void current.takeOver([shown.id]) });
  }
  return commands;
}

export function paletteCommands(state: StoreState): Command[] {
  const inTeam = state.team?.mode === 'team';
  const singleKey = state.settings.singleKeyShortcuts;
  // With single-key shortcuts off, no key is shown that would not work.
  const bound = keyBindings(state.settings.keyBindings);
  const keyFor = (name: ShortcutName) => (singleKey ? bound[name] : null);
  const actions: Command[] = (Object.keys(SHORTCUTS) as ShortcutName[])
    .filter((name) => !GO_KEYS.has(name))
    .map((name) => ({ id: `action:${name}`, group: 'Action', label: SHORTCUTS[name].label, keys: keyFor(name), run: ON_SELECTION_OR_CURRENT[name] ?? SHORTCUT_ACTIONS[name] }));
  const dialogs: Command[] = DIALOG_ACTIONS.map(([dialog, label]) => ({ id: `dialog:${dialog}`, group: 'Action', label, keys: null, run: (current) => current.openDialog(dialog) }));
  const fetch: Command = { id: 'action:fetch', group: 'Action', label: 'Fetch feeds now', keys: null, run: (current) => void current.fetchNow() };
  const views: Command[] = VIEW_NAMES.map((view) => ({ id: `view:${view}`, group: 'View', label: `Go to ${VIEW_LABELS[view]}`, keys: keyFor(VIEW_KEYS[view]), run: (current) => void current.showView(view) }));
  const feeds: Command[] = (state.feeds ?? []).map((feed) => ({
    id: `feed:${feed.id}`,
    group: 'View',
    label: `Feed: ${feed.title || feed.url}`,
    keys: null,
    run: (current) => void current.openView('all', { sort: 'newest', feedId: feed.id }),
  }));
  const searches: Command[] = state.settings.savedSearches.map((search) => ({ id: `search:${search.id}`, group: 'View', label: `Saved search: ${search.name}`, keys: null, run: () => openSavedSearch(search) }));
  const replies: Command[] = state.templates.map((template) => ({
    id: `reply:${template.id}`,
    group: 'Saved reply',
    label: `Insert saved reply: ${template.name}`,
    keys: SAVED_REPLY_KEY,
    run: (current) => current.requestOnComment({ kind: 'insert-reply', templateId: template.id }),
  }));
  const settings: Command[] = [
    { id: 'setting:open', group: 'Setting', label: 'Settings: moderator name, overdue after, keys, backups…', keys: null, run: (current) => current.openDialog('settings') },
    { id: 'setting:single-key', group: 'Setting', label: `Turn single-key shortcuts ${singleKey ? 'off' : 'on'}`, keys: null, run: (current) => void current.updateSettings({ singleKeyShortcuts: !singleKey }) },
    { id: 'setting:reset-keys', group: 'Setting', label: 'Reset keys to defaults', keys: null, run: (current) => void current.updateSettings({ keyBindings: {} }) },
  ];
  return [...actions, ...(inTeam ? teamCommands(state) : [fetch]), ...dialogs.filter((command) => !inTeam || command.id !== 'dialog:subscribe'), ...views, ...searches, ...feeds, ...replies, ...settings];
}
