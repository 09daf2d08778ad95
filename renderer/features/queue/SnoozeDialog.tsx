import { useState, type KeyboardEvent } from 'react';
import { SNOOZE_PRESETS, SNOOZE_PRESET_LABELS, snoozePresetTime } from '../../../common/snooze-presets';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import type { SnoozeChoice } from '../../store/types';
import forms from '../../ui/forms.module.css';
import styles from './SnoozeDialog.module.css';
import { count } from '../../../common/plural';

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** When a preset ends, as the moderator reads a clock: "15:42" today, "Mon 09:00" within the week, else with its date. */
function resolvedTime(date: Date, now: Date): string {
  const days = Math.round((new Date(date).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86_400_000);
  if (days === 0) return date.toLocaleTimeString(undefined, TIME);
  return date.toLocaleString(undefined, days < 7 ? { weekday: 'short', ...TIME } : { weekday: 'short', day: 'numeric', month: 'short', ...TIME });
}

function choices(): { key: string; label: string; choice: SnoozeChoice }[] {
  const now = new Date();
  return [
    ...SNOOZE_PRESETS.map((preset, index) => {
      const until = snoozePresetTime(preset, now);
      return { key: String(index + 1), label: `${SNOOZE_PRESET_LABELS[preset]}, ${resolvedTime(until, now)}`, choice: { until: until.toISOString() } };
    }),
    { key: String(SNOOZE_PRESETS.length + 1), label: 'Until the author writes again', choice: { untilReply: true } },
  ];
}

export function SnoozeDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const snooze = useStore((state) => state.snooze);
  const checked = useStore((state) => state.checked.size);
  const [custom, setCustom] = useState('');
  const options = choices();
  const pick = (choice: SnoozeChoice) => {
    closeDialog();
    void snooze(choice);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const option = options.find((candidate) => candidate.key === event.key);
    if (option && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      pick(option.choice);
    }
  };
  return (
    <Modal title={checked > 0 ? `Snooze ${count(checked, 'comment')}` : 'Snooze'} onClose={closeDialog} onKeyDown={onKeyDown}>
      <div className={forms.stack}>
        {options.map((option, index) => (
          <button key={option.key} type="button" className={styles.choice} autoFocus={index === 0} onClick={() => pick(option.choice)}>
            <kbd>{option.key}</kbd> {option.label}
          </button>
        ))}
        <form
          className={styles.custom}
          onSubmit={(event) => {
            event.preventDefault();
            if (custom) pick({ until: new Date(custom).toISOString() });
          }}
        >
          <label className={forms.field}>
            <span>Until a date and time</span>
            <input type="datetime-local" value={custom} onChange={(event) => setCustom(event.target.value)} />
          </label>
          <button type="submit" disabled={!custom}>
            Snooze until then
          </button>
        </form>
      </div>
    </Modal>
  );
}
