// The command palette (Ctrl+K, ⌘K on a Mac): every action, view, saved reply and setting, found by
// a few letters in any order (fuse.js's fuzzy match: "rdy" finds "Mark the reply ready"), each
// with its key so the palette also teaches the keys. Enter runs the chosen one on the comment
// shown or the ticked ones; Escape closes it and focus goes back where it was.
import Fuse from 'fuse.js';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { cx } from '../../ui/cx';
import { count } from '../../../common/plural';
import { paletteCommands, type Command } from './commands';
import styles from './CommandPalette.module.css';

/** Past this many the list stops: a few letters more narrow it. */
const SHOWN = 50;

/**
 * The element that had focus, and its caret if it is a text field: Chromium puts a textarea's
 * caret at its start when a modal dialog hands focus back, so a saved reply chosen from the
 * palette went in before what was typed.
 */
function focusAndCaret(element: Element | null): { restore(): void } {
  if (!(element instanceof HTMLElement)) return { restore: () => {} };
  const field = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement ? element : null;
  const start = field?.selectionStart ?? null;
  const end = field?.selectionEnd ?? null;
  return {
    restore() {
      element.focus();
      if (field && start !== null && end !== null) field.setSelectionRange(start, end);
    },
  };
}

export function CommandPalette() {
  const closeDialog = useStore((state) => state.closeDialog);
  // Read once: the palette lists what was there when it opened.
  const [commands] = useState(() => paletteCommands(useStore.getState()));
  // Where focus was before the palette took it (the list, a reply being typed), and the caret in it.
  const [returnTo] = useState(() => focusAndCaret(document.activeElement));
  const fuse = useMemo(() => new Fuse(commands, { keys: [{ name: 'label', weight: 3 }, 'group', 'keys'], threshold: 0.4, ignoreLocation: true }), [commands]);
  const target = useStore((state) => (state.checked.size > 0 ? `the ${count(state.checked.size, 'ticked comment')}` : state.detail ? `the comment by ${state.detail.author || 'Anonymous'}` : null));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = (query.trim() ? fuse.search(query.trim()).map((result) => result.item) : commands).slice(0, SHOWN);
  const current = shown[Math.min(active, shown.length - 1)];

  const close = (command?: Command) => {
    // Gone at once, so focus can go back: nothing outside a modal dialog takes focus while it is open.
    flushSync(closeDialog);
    returnTo.restore();
    // After focus is back, so an action that moves focus (search, the reply) has the last word.
    command?.run(useStore.getState());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0) {
      event.preventDefault();
      setActive((index) => (Math.min(index, shown.length - 1) + move + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      close(current);
    }
  };

  return (
    <Modal title="Command palette" onClose={() => close()} wide>
      <input
        // The Modal mounts its content once the dialog is open, so autoFocus takes focus from its Close button.
        autoFocus
        className={styles.query}
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="palette-commands"
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
        placeholder="Type an action, a view, a saved reply or a setting"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="hint">{target ? `Enter runs it on ${target}.` : 'Enter runs it.'}</p>
      {shown.length === 0 ? (
        <p className="hint">Nothing matches “{query}”. Fewer letters find more.</p>
      ) : (
        <ul id="palette-commands" className={styles.commands} role="listbox" aria-label="Commands">
          {shown.map((command) => (
            <li
              key={command.id}
              id={`palette-${command.id}`}
              role="option"
              aria-selected={command === current}
              className={cx(styles.command, command === current && styles.active)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => close(command)}
            >
              <span className={styles.group}>{command.group}</span>
              <span className={styles.label}>{command.label}</span>
              {command.keys && <kbd>{command.keys}</kbd>}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
