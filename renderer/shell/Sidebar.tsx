import { useId, useRef, useState } from 'react';
import { VIEW_NAMES, type FeedSummary, type ViewName } from '../../common/types';
// One file per icon: the package's index would have the build read all of its icons.
import AlarmClock from 'lucide-react/icons/alarm-clock';
import CircleCheck from 'lucide-react/icons/circle-check';
import EyeOff from 'lucide-react/icons/eye-off';
import Headset from 'lucide-react/icons/headset';
import Inbox from 'lucide-react/icons/inbox';
import Layers from 'lucide-react/icons/layers';
import Menu from 'lucide-react/icons/menu';
import Sparkles from 'lucide-react/icons/sparkles';
import type { LucideIcon } from 'lucide-react';
import { useStore } from '../store';
import { failuresFirst, feedHealth, feedHover, HEALTH_LABELS, shortFeedName, type Health } from '../features/feeds/feed-health';
import { SavedSearchList } from '../features/queue/SavedSearches';
import { VIEW_LABELS } from '../../common/labels';
import { cx } from '../ui/cx';
import styles from './Sidebar.module.css';
import { Name } from '../ui/Name';
import { count } from '../../common/plural';
import { useSidebarFold } from './useSidebarFold';

const DOTS: Record<Health, string | undefined> = { healthy: styles.dotHealthy, failing: styles.dotFailing, parked: styles.dotParked, pending: undefined, muted: undefined };

/** Each view's icon: all a narrow window's sidebar shows of it, beside its count. */
const VIEW_ICONS: Record<ViewName, LucideIcon> = { inbox: Inbox, service: Headset, spotlight: Sparkles, snoozed: AlarmClock, ignored: EyeOff, done: CircleCheck, all: Layers };

function ViewList() {
  const view = useStore((state) => state.view);
  const counts = useStore((state) => state.counts);
  const showView = useStore((state) => state.showView);
  return (
    <ul className={styles.viewList}>
      {VIEW_NAMES.map((name) => {
        const Icon = VIEW_ICONS[name];
        return (
          <li key={name}>
            <button
              type="button"
              className={styles.viewButton}
              aria-current={view === name ? 'page' : undefined}
              title={VIEW_LABELS[name]}
              onClick={() => void showView(name)}
            >
              <Icon className={styles.viewIcon} aria-hidden="true" size={18} />
              <span className={styles.viewLabel}>{VIEW_LABELS[name]}</span>
              <span className={styles.count} aria-label={count(counts?.[name] ?? 0, 'comment')}>
                {counts ? counts[name] : ''}
              </span>
              {name === 'service' && (counts?.serviceOverdue ?? 0) > 0 && <span className={styles.overdueCount}>{counts?.serviceOverdue} overdue</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Past this many feeds the list gets a filter field: up to here they fit at a glance. */
const FILTER_PAST = 8;

/** Whether a feed's name (its title, else its address, as the list shows it) contains the words typed. */
function named(feed: FeedSummary, query: string): boolean {
  return (feed.title || feed.url).toLocaleLowerCase().includes(query.trim().toLocaleLowerCase());
}

function FeedRow({ feed, current, onOpen }: { feed: FeedSummary; current: boolean; onOpen: () => void }) {
  const openDialog = useStore((state) => state.openDialog);
  const health = feedHealth(feed);
  return (
    <li>
      <button
        type="button"
        className={cx(styles.dot, DOTS[health])}
        aria-label={`Feed health of ${feed.title || feed.url}: ${HEALTH_LABELS[health]}`}
        title={feed.lastError ? `${HEALTH_LABELS[health]}: ${feed.lastError.message}` : HEALTH_LABELS[health]}
        onClick={() => openDialog('feed-health', feed.id)}
      />
      <button type="button" className={styles.feedButton} title={feedHover(feed)} aria-current={current ? 'page' : undefined} onClick={onOpen}>
        <span className={styles.feedTitle}><Name text={shortFeedName(feed)} /></span>
        <span className={styles.count} aria-label={`${feed.newCount} new`}>
          {feed.newCount || ''}
        </span>
      </button>
    </li>
  );
}

/**
 * The feeds: a heading, a filter once there are many, and a list that scrolls on its own so the
 * views above and the links below stay in sight.
 */
function FeedList() {
  const feeds = useStore((state) => state.feeds);
  const removeSamples = useStore((state) => state.removeSamples);
  const activeFeed = useStore((state) => (state.view === 'all' ? state.filters.feedId : undefined));
  const openView = useStore((state) => state.openView);
  const [query, setQuery] = useState('');
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  // A new filter shows its matches from the first, not from wherever the long list was scrolled.
  const filterBy = (text: string) => {
    setQuery(text);
    listRef.current?.scrollTo({ top: 0 });
  };
  // A feed is a view of its own: it starts from no other filter, as every view does.
  const showFeed = (feedId: number) => void openView('all', { sort: 'newest', feedId });
  const filterable = feeds !== null && feeds.length > FILTER_PAST;
  const shown = failuresFirst((filterable && query.trim() ? feeds.filter((feed) => named(feed, query)) : feeds) ?? []);
  return (
    <div className={styles.feeds}>
      <h2 id={headingId} className={styles.heading}>
        Feeds
      </h2>
      {filterable && (
        <input
          type="search"
          className={styles.filter}
          aria-label="Filter feeds"
          placeholder="Filter feeds"
          value={query}
          onChange={(event) => filterBy(event.target.value)}
          // Escape empties the filter; the console's own Escape rule then takes the keyboard back to the queue.
          onKeyDown={(event) => event.key === 'Escape' && filterBy('')}
        />
      )}
      {feeds?.length === 0 && <p className={styles.note}>No feeds yet.</p>}
      {filterable && shown.length === 0 && <p className={styles.note}>No feed&apos;s name contains &ldquo;{query.trim()}&rdquo;.</p>}
      {shown.length > 0 && (
        // Focusable so the keyboard scrolls a long list (Page Up/Down, Home, End; the arrows stay the
        // queue's) without tabbing through every feed.
        <ul ref={listRef} className={styles.feedList} aria-labelledby={headingId} tabIndex={0}>
          {shown.map((feed) => (
            <FeedRow key={feed.id} feed={feed} current={activeFeed === feed.id} onOpen={() => showFeed(feed.id)} />
          ))}
        </ul>
      )}
      {feeds?.some((feed) => feed.isSample) && (
        <button type="button" className={styles.linkButton} onClick={() => void removeSamples()}>
          Remove sample feeds
        </button>
      )}
    </div>
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
  const fold = useSidebarFold();
  return (
    <nav className={styles.sidebar} aria-label="Views" {...fold.container}>
      <div className={styles.brand}>
        <button type="button" className={styles.toggle} aria-label="Menu" title="Views, feeds and settings" {...fold.toggle}>
          <Menu aria-hidden="true" size={20} />
        </button>
        <span className={styles.brandName}>Switchboard</span>
      </div>
      <ViewList />
      <SavedSearchList />
      <FeedList />
      <SidebarFooter />
    </nav>
  );
}
