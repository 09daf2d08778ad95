// The dashboard's split by moderator, in a team workspace only: who decided how many comments in
// the period and where they put them, read from the team server (offline, it says so instead).
import { useEffect, useState } from 'react';
import type { StatsAnswer } from '../../../common/team-wire';
import { api } from '../../api';
import { useStore } from '../../store';
import styles from './team.module.css';

type Loaded = { stats: StatsAnswer } | { problem: string } | null;

export function ModeratorSplit({ period }: { period: { from: string; to: string } }) {
  const inTeam = useStore((state) => state.team?.mode === 'team');
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    if (!inTeam || period.to < period.from) return;
    let current = true;
    api['team-stats'](period).then(
      (stats) => current && setLoaded({ stats }),
      (error: Error) => current && setLoaded({ problem: error.message }),
    );
    return () => {
      current = false;
    };
  }, [inTeam, period]);
  if (!inTeam || loaded === null) return null;
  return (
    <section className={styles.split} aria-label="Decisions by moderator">
      <h3>Decisions by moderator</h3>
      {'problem' in loaded ? (
        <p className={styles.splitProblem}>{loaded.problem}</p>
      ) : loaded.stats.moderators.length === 0 ? (
        <p>Nobody in the team decided anything in this period.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Moderator</th>
              <th scope="col">Customer service</th>
              <th scope="col">Spotlight</th>
              <th scope="col">Ignored</th>
              <th scope="col">Snoozed</th>
              <th scope="col">Done</th>
              <th scope="col">All decisions</th>
            </tr>
          </thead>
          <tbody>
            {loaded.stats.moderators.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{row.service}</td>
                <td>{row.spotlight}</td>
                <td>{row.ignored}</td>
                <td>{row.snoozed}</td>
                <td>{row.done}</td>
                <td>{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
