// "Accept all suggestions at or above N%": says how many comments it will route, and to which lanes,
// before it does (asked again as the threshold changes), then routes them as one undoable action.
import { useEffect, useState } from 'react';
import { sentence } from '../../../common/errors';
import { count } from '../../../common/plural';
import type { AcceptSummary } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { byLane } from '../../store/suggestion-notices';
import forms from '../../ui/forms.module.css';

/** The threshold offered first: high enough that the calls left to the console are the easy ones. */
const DEFAULT_PERCENT = 90;
/** Typing 85 passes through 8: the preview waits for a pause. */
const PREVIEW_PAUSE_MS = 200;

type Preview = { percent: number; summary: AcceptSummary } | { percent: number; problem: string };

function valid(percent: number): boolean {
  return Number.isInteger(percent) && percent >= 0 && percent <= 100;
}

export function AcceptAboveDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const previewAcceptAbove = useStore((state) => state.previewAcceptAbove);
  const acceptAbove = useStore((state) => state.acceptAbove);
  const [text, setText] = useState(String(DEFAULT_PERCENT));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [routing, setRouting] = useState(false);
  // Counting again after a refused accept (the suggestions changed since the count shown).
  const [round, setRound] = useState(0);
  const percent = Number(text);

  useEffect(() => {
    if (!valid(percent)) return;
    let current = true;
    const timer = setTimeout(() => {
      previewAcceptAbove(percent / 100).then(
        (summary) => current && setPreview({ percent, summary }),
        (error: unknown) => current && setPreview({ percent, problem: sentence(error) }),
      );
    }, PREVIEW_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [percent, previewAcceptAbove, round]);

  // Only a preview of the threshold shown may be acted on.
  const ready = preview !== null && preview.percent === percent && 'summary' in preview ? preview.summary : null;
  const status = !valid(percent)
    ? 'Give a whole number from 0 to 100.'
    : preview === null || preview.percent !== percent
      ? 'Counting…'
      : 'problem' in preview
        ? preview.problem
        : preview.summary.count === 0
          ? `No Inbox comment has a suggestion at or above ${percent}%.`
          : `Will route ${count(preview.summary.count, 'comment')}: ${byLane(preview.summary.byRoute)}.${preview.summary.capped ? ' More qualify than one action takes: run it again for the rest.' : ''}`;

  return (
    <Modal title="Accept suggestions" onClose={closeDialog}>
      <form
        className={forms.stack}
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || ready.count === 0 || routing) return;
          setRouting(true);
          void acceptAbove(percent / 100, ready.count).then((stored) => {
            if (stored) return closeDialog();
            setRouting(false);
            setRound((n) => n + 1);
          });
        }}
      >
        <label className={`${forms.field} ${forms.inline}`}>
          Accept every Inbox suggestion at or above
          <input type="number" min={0} max={100} step={1} inputMode="numeric" size={4} autoFocus value={text} onChange={(event) => setText(event.target.value)} aria-describedby="accept-above-count" />%
        </label>
        <p id="accept-above-count" role="status" className={preview && 'problem' in preview ? forms.error : undefined}>
          {status}
        </p>
        <p className="hint">One action: z undoes all of it. Comments with no suggestion, or a less confident one, stay in the Inbox.</p>
        <div className="actions">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready || ready.count === 0 || routing}>
            {ready && ready.count > 0 ? `Route ${count(ready.count, 'comment')}` : 'Route'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
