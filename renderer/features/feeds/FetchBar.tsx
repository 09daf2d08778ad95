import { useStore } from '../../store';
import styles from './FetchBar.module.css';
import { count } from '../../../common/plural';
import { TeamHeader } from '../team/TeamHeader';

/** "Fetch now", its progress while a run is under way (with Cancel), then the run's outcome. */
export function FetchBar() {
  const progress = useStore((state) => state.fetchProgress);
  const summary = useStore((state) => state.lastFetchSummary);
  const online = useStore((state) => state.online);
  const hasFeeds = useStore((state) => (state.feeds?.length ?? 0) > 0);
  const fetchNow = useStore((state) => state.fetchNow);
  const cancelFetch = useStore((state) => state.cancelFetch);
  const openDialog = useStore((state) => state.openDialog);
  // A team's feeds are subscribed to and fetched by its team server, for every desktop at once.
  const inTeam = useStore((state) => state.team?.mode === 'team');

  return (
    <div className={styles.fetchBar}>
      <TeamHeader />
      {!online && (
        <span className={styles.offline} role="status">
          Offline — everything stored still works; fetching resumes when the network returns.
        </span>
      )}
      {progress ? (
        <>
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Fetch progress" />
          <span role="status">
            Fetching {progress.done} of {count(progress.total, 'feed')} · {progress.newItems} new
          </span>
          <button type="button" onClick={() => void cancelFetch()}>
            Cancel
          </button>
        </>
      ) : (
        summary && <span role="status">{summary}</span>
      )}
      <span className="spacer" />
      {!inTeam && (
        <button type="button" onClick={() => openDialog('subscribe')}>
          Subscribe…
        </button>
      )}
      {hasFeeds && (
        <button type="button" onClick={() => openDialog('feed-health')}>
          Feed health
        </button>
      )}
      {hasFeeds && !inTeam && (
        <button type="button" className="primary" onClick={() => void fetchNow()} disabled={!!progress}>
          Fetch now
        </button>
      )}
    </div>
  );
}
