import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { FIXED_KEYS, keyBindings, PALETTE_KEY, SHORTCUTS, type ShortcutName } from './keymap';
import styles from './ShortcutsDialog.module.css';

export function ShortcutsDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const bindings = keyBindings(useStore((state) => state.settings.keyBindings));
  const singleKey = useStore((state) => state.settings.singleKeyShortcuts);
  return (
    <Modal title="Keyboard shortcuts" onClose={closeDialog} wide>
      <dl className={styles.shortcuts}>
        {(Object.keys(SHORTCUTS) as ShortcutName[]).map((name) => (
          <div key={name}>
            <dt>
              <kbd>{bindings[name]}</kbd>
            </dt>
            <dd>{SHORTCUTS[name].label}</dd>
          </div>
        ))}
        {FIXED_KEYS.map((shortcut) => (
          <div key={shortcut.label}>
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Shortcuts never fire while you type in a field; {PALETTE_KEY} opens the palette from anywhere. {singleKey ? 'Change them in Settings.' : 'Single-key shortcuts are off (Settings).'}
      </p>
    </Modal>
  );
}
