// The confirmation before a restore, saying what will happen: the current data is kept aside (and
// where), the backup takes its place, and the console reloads.
import { useState } from 'react';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { backupTime, fileNameOf, folderOf } from './format';

export function RestoreConfirm() {
  const backup = useStore((state) => state.restoreCandidate);
  const dbPath = useStore((state) => state.dbPath);
  const askRestore = useStore((state) => state.askRestore);
  const restore = useStore((state) => state.restore);
  const [busy, setBusy] = useState(false);
  if (!backup) return null;
  const aside = `${folderOf(backup.file)}${dbPath.includes('\\') ? '\\' : '/'}${fileNameOf(dbPath)}.before-restore-…`;
  return (
    <Modal title="Restore this backup?" onClose={() => askRestore(null)}>
      <p>
        The database will be replaced by the backup from <strong>{backupTime(backup.takenAt)}</strong>. Everything changed since then is left out of it.
      </p>
      <p>
        Your current data is kept aside at <code>{aside}</code> (it appears in this list as “Replaced by a restore”), so this can be undone the same way.
      </p>
      <p>The console reloads once the backup is in place, in every window open on this database.</p>
      <div className="actions">
        <button type="button" onClick={() => askRestore(null)}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void restore().finally(() => setBusy(false));
          }}
        >
          {busy ? 'Restoring…' : 'Restore and reload'}
        </button>
      </div>
    </Modal>
  );
}
