// The reply settings the README promises: the moderator's name (what {{moderator}} says in every
// reply) and after how many hours a waiting customer-service comment is flagged overdue.
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../common/types';
import modal from '../../shell/Modal.module.css';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import styles from './ReplySettings.module.css';

const SAVE_AFTER_MS = 400;
const MAX_OVERDUE_HOURS = 24 * 30;

/** The hours typed, or why they cannot be the threshold. */
function overdueHours(typed: string): number | string {
  const hours = Number(typed);
  if (typed.trim() === '' || !Number.isFinite(hours) || hours < 1 || hours > MAX_OVERDUE_HOURS) {
    return `The overdue threshold is a number of hours from 1 to ${MAX_OVERDUE_HOURS}; the stored one stays until then.`;
  }
  return hours;
}

export function ReplySettings() {
  const stored = useStore((state) => state.settings);
  const updateSettings = useStore((state) => state.updateSettings);
  const [name, setName] = useState(stored.moderatorName);
  const [hours, setHours] = useState(String(stored.overdueHours));
  const threshold = overdueHours(hours);

  // Saved after a pause in typing, and at once when the dialog closes (Escape included): the
  // service trims the name, so saving every key would eat the space typed between two words.
  const pending = useRef<Partial<Settings> | null>(null);
  const flush = useRef(() => {});
  flush.current = () => {
    if (pending.current) void updateSettings(pending.current);
    pending.current = null;
  };
  useEffect(() => {
    const change: Partial<Settings> = {};
    if (name.trim() !== stored.moderatorName) change.moderatorName = name;
    if (typeof threshold === 'number' && threshold !== stored.overdueHours) change.overdueHours = threshold;
    pending.current = Object.keys(change).length ? change : null;
    const timer = setTimeout(() => flush.current(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
    // Only what was typed starts the pause; the stored settings are compared when it ends.
  }, [name, hours]);
  useEffect(() => () => flush.current(), []);

  // The stored settings may arrive after the dialog opened (Settings clicked right after start):
  // the fields take them, unless the moderator is typing in one (a save trims the name, which must
  // not eat the space just typed).
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending.current || form.current?.contains(document.activeElement)) return;
    setName(stored.moderatorName);
    setHours(String(stored.overdueHours));
  }, [stored.moderatorName, stored.overdueHours]);

  return (
    <section className={styles.replies} aria-labelledby="reply-settings">
      <h3 id="reply-settings" className={modal.sectionHeading}>
        Replies
      </h3>
      <div className={forms.stack} ref={form}>
        <label className={forms.field}>
          <span>Moderator name (fills {'{{moderator}}'} in replies)</span>
          <input value={name} maxLength={120} placeholder="Sam from Hostwise" onChange={(event) => setName(event.target.value)} />
        </label>
        <label className={forms.field}>
          <span>Overdue after (hours a customer-service comment waits before it is flagged)</span>
          <input className={styles.hours} type="number" min={1} max={MAX_OVERDUE_HOURS} value={hours} onChange={(event) => setHours(event.target.value)} />
        </label>
        {typeof threshold === 'string' && (
          <p className={forms.error} role="alert">
            {threshold}
          </p>
        )}
      </div>
    </section>
  );
}
