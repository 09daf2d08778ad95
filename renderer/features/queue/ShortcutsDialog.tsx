import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { SHORTCUTS } from './keymap';

export function ShortcutsDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={closeDialog} wide>
      <dl className="shortcuts">
        {Object.values(SHORTCUTS).map((shortcut) => (
          <div key={shortcut.keys}>
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">Shortcuts never fire while you type in a field.</p>
    </Modal>
  );
}
