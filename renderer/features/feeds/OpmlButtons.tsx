import { useRef, useState, type ChangeEvent } from 'react';
import type { OpmlImportReport } from '../../../common/opml-report';
import { saveFile } from '../../api';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';

/** An import that left out feeds on this computer or the local network, kept to import them once confirmed. */
interface LocalLeftOut {
  text: string;
  local: { url: string; address: string }[];
}

export function OpmlButtons({ exportable }: { exportable: boolean }) {
  const importOpml = useStore((state) => state.importOpml);
  const exportOpml = useStore((state) => state.exportOpml);
  const closeDialog = useStore((state) => state.closeDialog);
  const report = useStore((state) => state.report);
  const input = useRef<HTMLInputElement>(null);
  const [leftOut, setLeftOut] = useState<LocalLeftOut | null>(null);
  // What the last import did, said in the dialog until the moderator has read it.
  const [imported, setImported] = useState<OpmlImportReport | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    const result = await importOpml(text);
    if (!result) return;
    setImported(result);
    // Feeds on the moderator's own computer or network are imported only once they say so.
    setLeftOut(result.local.length > 0 ? { text, local: result.local } : null);
  };

  const importLocal = async () => {
    if (!leftOut) return;
    const result = await importOpml(leftOut.text, true);
    if (!result) return;
    setLeftOut(null);
    setImported(result);
  };

  return (
    <>
      <div className="actions">
        <button type="button" onClick={() => input.current?.click()}>
          Import OPML…
        </button>
        <input ref={input} type="file" accept=".opml,.xml,text/xml,text/x-opml" hidden aria-label="OPML file" onChange={(event) => void onFile(event)} />
        {exportable && (
          <button
            type="button"
            onClick={() =>
              void exportOpml()
                .then((text) => (text ? saveFile('switchboard-subscriptions.opml', 'text/x-opml', text) : false))
                .catch(report)
            }
          >
            Export OPML
          </button>
        )}
      </div>
      {imported && (
        <div className={forms.stack} role="group" aria-label="OPML import">
          <p role="status">{imported.summary}</p>
          {imported.notes.length > 0 && (
            <ul>
              {imported.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {!leftOut && (
            <div className="actions">
              <button type="button" className="primary" autoFocus onClick={closeDialog}>
                Done
              </button>
            </div>
          )}
        </div>
      )}
      {leftOut && (
        <div className={forms.stack} role="group" aria-label="Feeds on your own computer or local network">
          <p>
            {leftOut.local.length === 1 ? 'This feed is' : `These ${leftOut.local.length} feeds are`} on your own computer or local network, and were left out.
            Import them anyway?
          </p>
          <ul>
            {leftOut.local.map(({ url, address }) => (
              <li key={url}>
                <small>
                  {url} ({address})
                </small>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={closeDialog}>
              Leave them out
            </button>
            <button type="button" className="primary" onClick={() => void importLocal()}>
              Import them anyway
            </button>
          </div>
        </div>
      )}
    </>
  );
}
