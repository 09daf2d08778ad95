import { VIEW_NAMES } from '../../common/types';
import { useStore } from '../store';
import { feedHealth, HEALTH_LABELS, type Health } from '../features/feeds/feed-health';
import { SavedSearchList } from '../features/queue/SavedSearches';
import { VIEW_LABELS } from '../../common/labels';
import { cx } from '../ui/cx';
import styles from './Sidebar.module.css';
import { Name } from '../ui/Name';

const DOTS: Record<Health, string | undefined> = { healthy: styles.dotHealthy, failing: styles.dotFailing, parked: styles.dotParked, pending: undefined, muted: undefined };

function ViewList() {
  const view = useStore((state) => state.view);
  const counts = useStore((state) => state.counts);
  const showView = useStore((state) => state.showView);
  return (
    <ul className={styles.viewList}>
      {VIEW_NAMES.map((name) => (
        <li key={name}>
          <button
            type="button"
            className={styles.viewButton}
            aria-current={view === name ? 'page' : undefined}
            onClick={() => void showView(name)}
          >
            <span>{VIEW_LABELS[name]}</span>
            <span className={styles.count} aria-label={`${counts?.[name] ?? 0} comments`}>
              {counts ? counts[name] : ''}
            </span>
            {name === 'service' && (counts?.serviceOverdue ?? 0) > 0 && <span className={styles.overdueCount}>{counts?.serviceOverdue} overdue</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

function FeedList() {
  const feeds = useStore((state) => state.feeds);
  const openDialog = useStore((state) => state.openDialog);
  const removeSamples = useStore((state) => state.removeSamples);
  const activeFeed = useStore((state) => (state.view === 'all' ? state.filters.feedId : undefined));
  const openView = useStore((state) => state.openView);
  // A feed is a view of its own: it starts from no other filter, as every view does.
  const showFeed = (feedId: number) => void openView('all', { sort: 'newest', feedId });
  if (feeds === null) return null;
  if (feeds.length === 0) return <p className={styles.note}>No feeds yet.</p>;
  return (
    <>
      <ul className={styles.feedList}>
        {feeds.map((feed) => {
          const health = feedHealth(feed);
          return (
            <li key={feed.id}>
              <button
                type="button"
                className={cx(styles.dot, DOTS[health])}
                aria-label={`Feed health of ${feed.title || feed.url}: ${HEALTH_LABELS[health]}`}
                title={HEALTH_LABELS[health]}
                onClick={() => openDialog('feed-health', feed.id)}
              />
              <button type="button" className={styles.feedButton} title={feed.url} aria-current={activeFeed === feed.id ? 'page' : undefined} onClick={() => showFeed(feed.id)}>
                <span className={styles.feedTitle}><Name text={feed.title} fallback={feed.url} /></span>
                <span className={styles.count} aria-label={`${feed.newCount} new`}>
                  {feed.newCount || ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {feeds.some((feed) => feed.isSample) && (
        <button type="button" className={styles.linkButton} onClick={() => void removeSamples()}>
          Remove sample feeds
        </button>
      )}
    </>
  );
}

function SidebarFooter() {
  const openDialog = useStore((state) => state.openDialog);
  return (
    <div className={styles.footer}>
      <button type="button" className={styles.linkButton} onClick={() => openDialog('members')}>
        Members
      </button>
      <button type="button" className={styles.linkButton} onClick={() => openDialog('dashboard')}>
        Dashboard
      </button>
      <button type="button" className={styles.linkButton} onClick={() => openDialog('shortcuts')}>
        Keyboard shortcuts (?)
      </button>
      <button type="button" className={styles.linkButton} onClick={() => openDialog('settings')}>
        Settings
      </button>
    </div>
  );
}

export function Sidebar() {
  return (
    <nav className={styles.sidebar} aria-label="Views">
      <div className={styles.brand}>Switchboard</div>
      <ViewList />
      <SavedSearchList />
      <h2 className={styles.heading}>Feeds</h2>
      <FeedList />
      <SidebarFooter />
    </nav>
  );
}
