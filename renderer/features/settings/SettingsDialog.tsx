import { useState, type KeyboardEvent } from 'react';
import { BackupsSection } from '../backups/BackupsSection';
import { Modal } from '../../shell/Modal';
import modal from '../../shell/Modal.module.css';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { ReplySettings } from './ReplySettings';
import { SuggestionsSection } from '../suggestions/SuggestionsSection';
import { TeamSection } from '../team/TeamSection';
import { keyBindings, keyOf, SHORTCUTS, type ShortcutName } from '../queue/keymap';
import styles from './SettingsDialog.module.css';

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'Tab', 'Escape']);

export function SettingsDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const settings = useStore((state) => state.settings);
  const updateSettings = useStore((state) => state.updateSettings);
  const [listening, setListening] = useState<ShortcutName | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const bindings = keyBindings(settings.keyBindings);

  // While waiting for a new key, the next key pressed (Escape cancels) becomes the binding.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!listening) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') return setListening(null);
    if (MODIFIERS.has(event.key)) return;
    const key = keyOf(event);
    const taken = (Object.keys(bindings) as ShortcutName[]).find((name) => name !== listening && bindings[name] === key);
    if (taken) {
      setProblem(`${key} is already the key for "${SHORTCUTS[taken].label}". Choose another.`);
      return;
    }
    setProblem(null);
    setListening(null);
    void updateSettings({ keyBindings: { ...settings.keyBindings, [listening]: key } });
  };

  return (
    <Modal title="Settings" onClose={closeDialog} wide onKeyDown={onKeyDown}>
      <TeamSection />
      <ReplySettings />
      <label className={forms.toggle}>
        <input type="checkbox" checked={settings.singleKeyShortcuts} onChange={(event) => void updateSettings({ singleKeyShortcuts: event.target.checked })} />
        Single-key shortcuts (j, k, s, c, i…). Off: only the buttons, arrow keys and Ctrl+Z.
      </label>
      <SuggestionsSection />
      <h3 className={modal.sectionHeading}>Keys</h3>
      {problem && (
        <p className={forms.error} role="alert">
          {problem}
        </p>
      )}
      <ul className={styles.keyList} aria-label="Keys">
        {(Object.keys(SHORTCUTS) as ShortcutName[]).map((name) => (
          <li key={name}>
            <span>{SHORTCUTS[name].label}</span>
            <kbd>{bindings[name]}</kbd>
            <button type="button" onClick={() => setListening(name)} aria-label={`Change the key for ${SHORTCUTS[name].label}`}>
              {listening === name ? 'Press a key…' : 'Change'}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => void updateSettings({ keyBindings: {} })}>
          Reset keys to defaults
        </button>
      </div>
      <BackupsSection />
    </Modal>
  );
}
