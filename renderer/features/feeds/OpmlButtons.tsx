import { useRef, type ChangeEvent } from 'react';
import { saveFile } from '../../api';
import { useStore } from '../../store';

export function OpmlButtons({ exportable }: { exportable: boolean }) {
  const importOpml = useStore((state) => state.importOpml);
  const exportOpml = useStore((state) => state.exportOpml);
  const closeDialog = useStore((state) => state.closeDialog);
  const report = useStore((state) => state.report);
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (await importOpml(await file.text())) closeDialog();
  };

  return (
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
  );
}
