import { useState } from 'react';
import type { ExportFormat } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';

const replies = (count: number) => `${count} ${count === 1 ? 'reply' : 'replies'}`;

export function ExportDialog() {
  const exportReplies = useStore((state) => state.exportReplies);
  const closeDialog = useStore((state) => state.closeDialog);
  const counts = useStore((state) => state.counts);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [status, setStatus] = useState<'ready' | 'all'>('ready');
  const [bom, setBom] = useState(true);
  // What the export will write, as the choice of "include drafts" stands.
  const toExport = counts === null ? null : status === 'ready' ? counts.serviceReady : counts.serviceDrafted;
  return (
    <Modal title="Export replies" onClose={closeDialog}>
      <form
        className={forms.stack}
        onSubmit={(event) => {
          event.preventDefault();
          closeDialog();
          void exportReplies(format, status, bom);
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
        {format === 'csv' && (
          <label className={forms.toggle}>
            <input type="checkbox" checked={bom} onChange={(event) => setBom(event.target.checked)} />
            Mark the file as UTF-8, so spreadsheets show accents and dashes (turn off for tools that read the mark as text)
          </label>
        )}
        <label className={forms.toggle}>
          <input type="checkbox" checked={status === 'all'} onChange={(event) => setStatus(event.target.checked ? 'all' : 'ready')} />
          Include drafts not marked ready
        </label>
        {toExport !== null && (
          <p className="hint" role="status">
            {toExport > 0
              ? `${replies(toExport)} will be exported${status === 'all' ? ', drafts included' : ''}.`
              : status === 'ready'
                ? 'No reply is marked ready yet: mark a draft ready in the composer, or include drafts not marked ready.'
                : 'No reply is drafted yet: press r on a customer-service comment to write one.'}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" autoFocus disabled={toExport === 0}>
            Export
          </button>
        </div>
      </form>
    </Modal>
  );
}
