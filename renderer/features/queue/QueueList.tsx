// The queue: a virtualized listbox that renders only the rows in view and pages in more as the
// moderator nears the end (keyset pages from the service; the whole view is never loaded).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { ROUTE_LABELS } from '../../../common/labels';
import type { ItemSummary } from '../../../common/types';
import { useStore } from '../../store';
import { cx } from '../../ui/cx';
import { tagClass } from '../../ui/tag';
import { awaitingReply, isOverdue } from '../../../common/waiting';
import { formatAge } from './format';
import styles from './QueueList.module.css';
import { Name } from '../../ui/Name';
import { RowMarks } from './RowMarks';
import { SuggestionBadge } from '../suggestions/SuggestionBadge';
import { LeaseTag } from '../team/LeaseTag';

const ROW_HEIGHT = 86;
const QUEUE_ID = 'queue';

/** Puts the keyboard on the list (from search, or Escape in any text field): j, k and routing keys work from there. */
export function focusQueue(): void {
  document.getElementById(QUEUE_ID)?.focus();
}

/** How long a customer-service comment has waited for an answer, red once overdue. */
function Waiting({ item }: { item: ItemSummary }) {
  const overdueHours = useStore((state) => state.settings.overdueHours);
  if (!awaitingReply(item)) return null;
  const overdue = isOverdue(item, overdueHours);
  return <span className={tagClass(overdue ? 'overdue' : null)}>{overdue ? 'Overdue' : `Waiting ${formatAge(item.publishedAt)}`}</span>;
}

const Row = memo(function Row({ item, selected, checked, top }: { item: ItemSummary; selected: boolean; checked: boolean; top: number }) {
  const select = useStore((state) => state.select);
  const toggleChecked = useStore((state) => state.toggleChecked);
  const checkRange = useStore((state) => state.checkRange);
  return (
    <li
      role="option"
      aria-selected={selected}
      id={`item-${item.id}`}
      className={cx(styles.row, checked && styles.checked)}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={(event) => (event.shiftKey ? checkRange(item.id) : event.metaKey || event.ctrlKey ? toggleChecked(item.id) : void select(item.id))}
    >
      <div className={styles.top}>
        <span className={styles.check} aria-hidden="true">
          {checked ? '☑' : ''}
        </span>
        <span className={styles.author}><Name text={item.author} fallback="Anonymous" /></span>
        <LeaseTag lease={item.lease} />
        <RowMarks item={item} />
        {item.route && <span className={tagClass(item.route)}>{ROUTE_LABELS[item.route].badge}</span>}
        <SuggestionBadge item={item} />
        <Waiting item={item} />
        {item.milestone && <span className={tagClass('milestone')}>{item.milestone}</span>}
        <time dateTime={item.publishedAt}>{formatAge(item.publishedAt)}</time>
      </div>
      <div className={styles.excerpt}>{item.excerpt}</div>
      <div className={styles.meta}>
        <Name text={item.feedTitle} /> · <Name text={item.threadTitle} />
      </div>
    </li>
  );
});

export function QueueList() {
  const items = useStore((state) => state.items);
  const selectedId = useStore((state) => state.selectedId);
  const checked = useStore((state) => state.checked);
  const loadMore = useStore((state) => state.loadMore);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const rows = virtualizer.getVirtualItems();

  // The list back after an empty view (the last match acted on, then the search cleared) takes the
  // keyboard back, unless something else holds it: its rows had focus when they went.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) focusQueue();
  }, []);

  // Keep the selected row in view as j/k move through the queue.
  const selectedIndex = items.findIndex((item) => item.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const lastVisible = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastVisible >= items.length - 20) void loadMore();
  }, [lastVisible, items.length, loadMore]);

  return (
    <div ref={scroller} className={styles.scroller}>
      <ul
        className={styles.list}
        id={QUEUE_ID}
        role="listbox"
        aria-label="Queue"
        aria-multiselectable="false"
        tabIndex={0}
        aria-activedescendant={selectedId === null ? undefined : `item-${selectedId}`}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const item = items[row.index];
          return item ? <Row key={item.id} item={item} selected={item.id === selectedId} checked={checked.has(item.id)} top={row.start} /> : null;
        })}
      </ul>
    </div>
  );
}
