// The header's team part, in a team workspace only: this moderator, whether the desktop is
// online with the team server (or what waits in its outbox), who else is connected, and the
// conflicts waiting, which open their panel. Read from team-status, again on every team-changed.
import { useStore } from '../../store';
import { cx } from '../../ui/cx';
import styles from './team.module.css';
import { syncWords } from './team-words';
import { count } from '../../../common/plural';

export function TeamHeader() {
  const team = useStore((state) => state.team);
  const openDialog = useStore((state) => state.openDialog);
  if (team?.mode !== 'team') return null;
  const others = team.people.filter((person) => person.name !== team.moderator.name);
  const lastSync = team.lastSyncAt ? `Last caught up ${new Date(team.lastSyncAt).toLocaleString()}` : 'Not caught up yet';
  return (
    <div className={styles.header} role="group" aria-label="Team">
      <span className={styles.workspace} title={`Team workspace on ${team.server}`}>
        {team.workspace} · {team.moderator.name}
      </span>
      <span className={cx(styles.sync, !team.online && styles.offline)} role="status" aria-label={`Sync: ${syncWords(team)}`} title={team.problem ?? lastSync}>
        <span className={styles.dot} aria-hidden="true" />
        {syncWords(team)}
      </span>
      {/* Offline, who else is connected is not known. */}
      {team.online && (
        <span className={styles.people} aria-label="Online now" title="Other moderators connected to the team now">
          {others.length === 0 ? 'Nobody else online' : `With ${others.map((person) => person.name).join(', ')}`}
        </span>
      )}
      {team.conflicts > 0 && (
        <button type="button" className={cx('small', styles.conflicts)} onClick={() => openDialog('team-conflicts')}>
          {count(team.conflicts, 'conflict')} to resolve
        </button>
      )}
    </div>
  );
}
