import { useEffect, useState } from 'react';
import { SUGGESTED_FILTERS, type Route } from '../../../common/types';
import { SUGGESTED_FILTER_LABELS } from '../suggestions/labels';
import { useStore } from '../../store';
import type { QueueFilters } from '../../store/types';
import styles from './FilterBar.module.css';
import { SaveSearch } from './SavedSearches';
import { focusQueue } from './QueueList';

/** Search, sort and filters of the queue, in three rows (search and saving it; sort and filters; dates); text search waits for a pause in typing. */
export function FilterBar() {
  const filters = useStore((state) => state.filters);
  const feeds = useStore((state) => state.feeds);
  const setFilters = useStore((state) => state.setFilters);
  const inbox = useStore((state) => state.view === 'inbox');
  const [search, setSearch] = useState(filters.search ?? '');
  // A saved search or a view switch sets the filters from outside: the box follows.
  useEffect(() => setSearch(filters.search ?? ''), [filters.search]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filters.search ?? '') !== search) void setFilters({ search });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, filters.search, setFilters]);

  const change = (patch: Partial<QueueFilters>) => void setFilters(patch);
  return (
    <div className={styles.filterBar} role="search">
      <div className={styles.row}>
        <input
          id="queue-search"
          className={styles.search}
          type="search"
          placeholder="Search comments, authors, threads (/)"
          aria-label="Search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter or ↓ goes to the results, searching at once rather than after the pause.
            if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
            event.preventDefault();
            if ((filters.search ?? '') !== search) void setFilters({ search });
            focusQueue();
          }}
        />
        <SaveSearch />
      </div>
      <div className={styles.row}>
        <select className={styles.sort} aria-label="Sort" title="Sort order" value={filters.sort} onChange={(event) => change({ sort: event.target.value as QueueFilters['sort'] })}>
          <option value="newest">Newest</option>
          <option value="oldest">Oldest</option>
          <option value="relevance" disabled={!filters.search}>
            Best match
          </option>
          {/* Suggestions are for deciding: the Inbox alone sorts and filters by them (without search words). */}
          {inbox && (
            <option value="suggestion" disabled={!!filters.search}>
              Suggested lane
            </option>
          )}
        </select>
        <select aria-label="Feed" value={filters.feedId ?? ''} onChange={(event) => change({ feedId: event.target.value ? Number(event.target.value) : undefined })}>
          <option value="">All feeds</option>
          {(feeds ?? []).map((feed) => (
            <option key={feed.id} value={feed.id}>
              {feed.title || feed.url}
            </option>
          ))}
        </select>
        <select aria-label="Route" value={filters.route ?? ''} onChange={(event) => change({ route: (event.target.value || undefined) as Route | undefined })}>
          <option value="">Any route</option>
          <option value="service">Customer service</option>
          <option value="spotlight">Spotlight</option>
          <option value="ignore">Ignored</option>
        </select>
        <select
          aria-label="Status"
          value={filters.status ?? ''}
          onChange={(event) => change({ status: (event.target.value || undefined) as QueueFilters['status'] })}
        >
          <option value="">Any status</option>
          <option value="new">New</option>
          <option value="routed">Routed</option>
          <option value="snoozed">Snoozed</option>
          <option value="done">Done</option>
        </select>
        {inbox && (
          <select aria-label="Suggested" value={filters.suggested ?? ''} onChange={(event) => change({ suggested: (event.target.value || undefined) as QueueFilters['suggested'] })}>
            <option value="">Any suggestion</option>
            {SUGGESTED_FILTERS.map((lane) => (
              <option key={lane} value={lane}>
                Suggested: {SUGGESTED_FILTER_LABELS[lane].toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className={styles.row}>
        <label className={styles.date}>
          From <input type="date" aria-label="From date" value={filters.from ?? ''} onChange={(event) => change({ from: event.target.value || undefined })} />
        </label>
        <label className={styles.date}>
          To <input type="date" aria-label="To date" value={filters.to ?? ''} onChange={(event) => change({ to: event.target.value || undefined })} />
        </label>
      </div>
    </div>
  );
}
