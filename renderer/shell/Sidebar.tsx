import { VIEW_NAMES } from '../../main/api/types';
import { useStore } from '../store';
import { feedHealth, HEALTH_LABELS } from '../features/feeds/feed-health';
import { VIEW_LABELS } from './view-labels';

function ViewList() {
  const view = useStore((state) => state.view);
  const counts = useStore((state) => state.counts);
  const showView = useStore((state) => state.showView);
  return (
    <ul className="view-list">
      {VIEW_NAMES.map((name) => (
        <li key={name}>
          <button
            type="button"
            className="view-button"
            aria-current={view === name ? 'page' : undefined}
            onClick={() => void showView(name)}
          >
            <span>{VIEW_LABELS[name]}</span>
            <span className="count" aria-label={`${counts?.[name] ?? 0} comments`}>
              {counts ? counts[name] : ''}
            </span>
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
  if (feeds === null) return null;
  if (feeds.length === 0) return <p className="sidebar-note">No feeds yet.</p>;
  return (
    <>
      <ul className="feed-list">
        {feeds.map((feed) => {
          const health = feedHealth(feed);
          return (
            <li key={feed.id}>
              <button type="button" className="feed-button" title={`${feed.url}\n${HEALTH_LABELS[health]}`} onClick={() => openDialog('feed-health', feed.id)}>
                <span className={`dot dot-${health}`} aria-label={HEALTH_LABELS[health]} role="img" />
                <span className="feed-title">{feed.title || feed.url}</span>
                <span className="count" aria-label={`${feed.newCount} new`}>
                  {feed.newCount || ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {feeds.some((feed) => feed.isSample) && (
        <button type="button" className="link-button" onClick={() => void removeSamples()}>
          Remove sample feeds
        </button>
      )}
    </>
  );
}

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">Switchboard</div>
      <ViewList />
      <h2 className="sidebar-heading">Feeds</h2>
      <FeedList />
    </nav>
  );
}
