import { useState } from 'react';
import type { ExportFormat } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';

export function ExportDialog() {
  const exportReplies = useStore((state) => state.exportReplies);
  const closeDialog = useStore((state) => state.closeDialog);
  const ready = useStore((state) => state.counts?.serviceReady ?? null);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [status, setStatus] = useState<'ready' | 'all'>('ready');
  const nothingReady = status === 'ready' && ready === 0;
  return (
    <Modal title="Export replies" onClose={closeDialog}>
      <form
        className={forms.stack}
        onSubmit={(event) => {
          event.preventDefault();
          closeDialog();
          void exportReplies(format, status);
        }}
      >
        <fieldset className={forms.candidates}>
          <legend>Format</legend>
          {(
            [
              ['csv', 'CSV (spreadsheets)'],
              ['json', 'JSON'],
              ['md', 'Markdown, grouped by thread'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className={forms.candidate}>
              <input type="radio" name="format" checked={format === value} onChange={() => setFormat(value)} /> {label}
            </label>
          ))}
        </fieldset>
        <label className={forms.toggle}>
          <input type="checkbox" checked={status === 'all'} onChange={(event) => setStatus(event.target.checked ? 'all' : 'ready')} />
          Include drafts not marked ready
        </label>
        {ready !== null && (
          <p className="hint" role="status">
            {ready === 0
              ? 'No reply is marked ready yet: mark a draft ready in the composer, or include drafts not marked ready.'
              : `${ready} ${ready === 1 ? 'reply is' : 'replies are'} marked ready.`}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" autoFocus disabled={nothingReady}>
            Export
          </button>
        </div>
      </form>
    </Modal>
  );
}
