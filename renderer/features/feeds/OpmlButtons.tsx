import { useRef, type ChangeEvent } from 'react';
import { useStore } from '../../store';

/** Offers a file the browser saves (browser mode) or asks where to save (Electron's download prompt). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-opml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OpmlButtons({ exportable }: { exportable: boolean }) {
  const importOpml = useStore((state) => state.importOpml);
  const exportOpml = useStore((state) => state.exportOpml);
  const closeDialog = useStore((state) => state.closeDialog);
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
            void exportOpml().then((text) => {
              if (text) download('switchboard-subscriptions.opml', text);
            })
          }
        >
          Export OPML
        </button>
      )}
    </div>
  );
}
