import { VIEW_NAMES } from '../../main/api/types';
import { useStore } from '../store';
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
  if (feeds === null) return null;
  if (feeds.length === 0) return <p className="sidebar-note">No feeds yet.</p>;
  return (
    <ul className="feed-list">
      {feeds.map((feed) => (
        <li key={feed.id} title={feed.url}>
          <span className="feed-title">{feed.title || feed.url}</span>
          <span className="count">{feed.itemCount}</span>
        </li>
      ))}
    </ul>
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
