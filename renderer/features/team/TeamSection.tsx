// Settings → Team, in a team workspace only: where this desktop is joined, as whom, how it stands,
// and how to leave (a terminal command: leaving swaps the database file the console has open).
import { count } from '../../../common/plural';
import modal from '../../shell/Modal.module.css';
import { useStore } from '../../store';
import styles from './team.module.css';
import { syncWords } from './team-words';

export function TeamSection() {
  const team = useStore((state) => state.team);
  if (team?.mode !== 'team') return null;
  return (
    <section aria-label="Team">
      <h3 className={modal.sectionHeading}>Team</h3>
      <dl className={styles.facts}>
        <dt>Workspace</dt>
        <dd>
          {team.workspace} on {team.server}
        </dd>
        <dt>You</dt>
        <dd>
          {team.moderator.name} ({team.moderator.role})
        </dd>
        <dt>Sync</dt>
        <dd>
          {syncWords(team)}
          {team.lastSyncAt && `, last caught up ${new Date(team.lastSyncAt).toLocaleString()}`}
          {team.problem && ` — ${team.problem}`}
        </dd>
        <dt>Conflicts</dt>
        <dd>{team.conflicts === 0 ? 'None' : count(team.conflicts, 'conflict')}</dd>
      </dl>
      <p className="hint">
        To leave the team, close the console and run <code>switchboard team leave</code>: your own database comes back as it was before you joined.
      </p>
    </section>
  );
}
