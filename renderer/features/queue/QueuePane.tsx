import type { KeyboardEvent } from 'react';
import type { ItemSummary } from '../../../main/api/types';
import { useStore } from '../../store';
import { EMPTY_VIEW_TEXT, VIEW_LABELS } from '../../shell/view-labels';
import { formatAge } from './format';

function EmptyState() {
  const view = useStore((state) => state.view);
  const feeds = useStore((state) => state.feeds);
  const openDialog = useStore((state) => state.openDialog);
  const loadSamples = useStore((state) => state.loadSamples);
  const loading = useStore((state) => state.fetchProgress !== null);
  if (feeds !== null && feeds.length === 0) {
    return (
      <div className="empty-state" role="status">
        <h2>Subscribe to a feed to start</h2>
        <p>Switchboard pulls every comment from the blogs and forums you look after into this queue, so you can route each one with a keystroke.</p>
        <div className="actions centered">
          <button type="button" className="primary" onClick={() => openDialog('subscribe')}>
            Subscribe to a feed
          </button>
          <button type="button" onClick={() => void loadSamples()} disabled={loading}>
            {loading ? 'Loading samples…' : 'Try it with sample feeds'}
          </button>
        </div>
        <p className="hint">The samples are clearly labelled and can be removed at any time.</p>
      </div>
    );
  }
  return (
    <div className="empty-state" role="status">
      <p>{EMPTY_VIEW_TEXT[view]}</p>
    </div>
  );
}

function Row({ item, selected }: { item: ItemSummary; selected: boolean }) {
  const select = useStore((state) => state.select);
  return (
    <li role="option" aria-selected={selected} id={`item-${item.id}`} className="queue-row" onClick={() => void select(item.id)}>
      <div className="row-top">
        <span className="author">{item.author || 'Anonymous'}</span>
        <time dateTime={item.publishedAt}>{formatAge(item.publishedAt)}</time>
      </div>
      <div className="excerpt">{item.excerpt}</div>
      <div className="row-meta">
        {item.feedTitle} · {item.threadTitle}
      </div>
    </li>
  );
}

export function QueuePane() {
  const view = useStore((state) => state.view);
  const items = useStore((state) => state.items);
  const selectedId = useStore((state) => state.selectedId);
  const loading = useStore((state) => state.loading);
  const selectRelative = useStore((state) => state.selectRelative);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') void selectRelative(1);
    else if (event.key === 'ArrowUp') void selectRelative(-1);
    else return;
    event.preventDefault();
  };

  return (
    <section className="queue-pane" aria-labelledby="queue-heading">
      <header className="pane-header">
        <h1 id="queue-heading">{VIEW_LABELS[view]}</h1>
      </header>
      {items.length === 0 && !loading ? (
        <EmptyState />
      ) : (
        <ul
          className="queue-list"
          role="listbox"
          aria-label="Queue"
          tabIndex={0}
          aria-activedescendant={selectedId === null ? undefined : `item-${selectedId}`}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <Row key={item.id} item={item} selected={item.id === selectedId} />
          ))}
        </ul>
      )}
    </section>
  );
}
