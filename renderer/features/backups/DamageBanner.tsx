// Shown while the database is damaged: the console is read-only, and the newest good backup is
// one press away.
import { useStore } from '../../store';
import { backupTime } from './format';
import banner from '../../ui/banner.module.css';
import { cx } from '../../ui/cx';
import styles from './Backups.module.css';

export function DamageBanner() {
  const damage = useStore((state) => state.damage);
  const dbPath = useStore((state) => state.dbPath);
  const askRestore = useStore((state) => state.askRestore);
  if (!damage) return null;
  const backup = damage.newestBackup;
  return (
    <div className={cx(banner.danger, styles.damage)} role="alert" aria-label="Database damaged">
      <p>
        <strong>{dbPath} is damaged</strong>, so Switchboard opened it read-only: you can read what is there, but nothing can be changed. SQLite found: {damage.finding}
      </p>
      {backup ? (
        <button type="button" onClick={() => askRestore(backup)}>
          Restore backup from {backupTime(backup.takenAt)}
        </button>
      ) : (
        <p>There is no backup of it; copy the file somewhere safe before trying repair tools.</p>
      )}
    </div>
  );
}
