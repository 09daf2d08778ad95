// Settings' backups: the list (when, kind, size), "Back up now", and "Restore…" on each.
import { useEffect } from 'react';
import { BACKUP_KIND_LABEL, readableSize } from '../../../common/backups';
import modal from '../../shell/Modal.module.css';
import { useStore } from '../../store';
import { backupTime, folderOf } from './format';
import styles from './Backups.module.css';

export function BackupsSection() {
  const backups = useStore((state) => state.backups);
  const dbPath = useStore((state) => state.dbPath);
  const loadBackups = useStore((state) => state.loadBackups);
  const backUpNow = useStore((state) => state.backUpNow);
  const askRestore = useStore((state) => state.askRestore);
  useEffect(() => void loadBackups(), [loadBackups]);

  return (
    <section aria-labelledby="backups-heading">
      <h3 id="backups-heading" className={modal.sectionHeading}>
        Backups
      </h3>
      <p className={styles.explain}>
        A copy of {dbPath || 'the database'} is taken every day while the console runs and before every upgrade; the last 7 are kept
        {backups?.[0] ? `, in ${folderOf(backups[0].file)}` : ''}. Backups you take yourself are kept until you delete them.
      </p>
      {backups && backups.length === 0 && <p>No backups yet.</p>}
      {backups && backups.length > 0 && (
        <table className={styles.list} aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>{backupTime(backup.takenAt)}</td>
                <td>{BACKUP_KIND_LABEL[backup.kind]}</td>
                <td>{readableSize(backup.bytes)}</td>
                <td>
                  <button type="button" onClick={() => askRestore(backup)} aria-label={`Restore the ${BACKUP_KIND_LABEL[backup.kind]} backup from ${backupTime(backup.takenAt)}`}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={() => void backUpNow()}>
          Back up now
        </button>
      </div>
    </section>
  );
}
