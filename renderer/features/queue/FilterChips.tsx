// The filters narrowing the list, one chip each, removable: what the heading's count is of, in
// words, so a filter set in one place (a feed opened, a search) is never a silent surprise.
import type { FeedSummary } from '../../../common/types';
import { useStore } from '../../store';
import type { QueueFilters } from '../../store/types';
import { SUGGESTED_FILTER_LABELS } from '../suggestions/labels';
import styles from './FilterChips.module.css';

const ROUTES = { service: 'Customer service', spotlight: 'Spotlight', ignore: 'Ignored' } as const;
const STATUSES = { new: 'New', routed: 'Routed', snoozed: 'Snoozed', done: 'Done' } as const;

type Filter = Exclude<keyof QueueFilters, 'sort'>;

/** Each filter set, as its chip reads, in the order the chips show. */
function chipsOf(filters: QueueFilters, feeds: FeedSummary[] | null): { filter: Filter; label: string }[] {
  const feed = feeds?.find((candidate) => candidate.id === filters.feedId);
  const chips: { filter: Filter; label: string | undefined }[] = [
    { filter: 'search', label: filters.search?.trim() ? `Search: ${filters.search.trim()}` : undefined },
    { filter: 'feedId', label: filters.feedId === undefined ? undefined : `Feed: ${feed ? feed.title || feed.url : `#${filters.feedId}`}` },
    { filter: 'route', label: filters.route && `Route: ${ROUTES[filters.route]}` },
    { filter: 'status', label: filters.status && `Status: ${STATUSES[filters.status]}` },
    { filter: 'suggested', label: filters.suggested && `Suggested: ${SUGGESTED_FILTER_LABELS[filters.suggested].toLowerCase()}` },
    { filter: 'from', label: filters.from && `From: ${filters.from}` },
    { filter: 'to', label: filters.to && `To: ${filters.to}` },
  ];
  return chips.filter((chip): chip is { filter: Filter; label: string } => chip.label !== undefined);
}

export function FilterChips() {
  const filters = useStore((state) => state.filters);
  const feeds = useStore((state) => state.feeds);
  const setFilters = useStore((state) => state.setFilters);
  const chips = chipsOf(filters, feeds);
  if (chips.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label="Filters">
      {chips.map(({ filter, label }) => (
        <li key={filter}>
          <bdi>{label}</bdi>
          <button type="button" aria-label={`Remove the filter ${label}`} title="Remove this filter" onClick={() => void setFilters({ [filter]: undefined })}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
