import { useState } from 'react';
import { useStore } from '../../store';
import type { StoreState } from '../../store/types';
import { VIEW_LABELS } from '../../../common/labels';
import { MOST_IN_ONE_ACTION } from '../../../common/contract/shared';
import { EMPTY_VIEW_TEXT } from './empty-view-text';
import { cx } from '../../ui/cx';
import { tagClass } from '../../ui/tag';
import empty from './empty-state.module.css';
import { FilterBar } from './FilterBar';
import { FilterChips } from './FilterChips';
import { useShortcutTitle } from './useShortcutTitle';
import { QueueList } from './QueueList';
import styles from './QueuePane.module.css';

function EmptyState() {
  const view = useStore((state) => state.view);
  const feeds = useStore((state) => state.feeds);
  const openDialog = useStore((state) => state.openDialog);
  const loadSamples = useStore((state) => state.loadSamples);
  const loading = useStore((state) => state.fetchProgress !== null);
  const filtered = useStore((state) => Object.entries(state.filters).some(([name, value]) => name !== 'sort' && value !== undefined && value !== ''));
  const inTeam = useStore((state) => state.team?.mode === 'team');
  // A team's feeds are the workspace's: an owner adds them where the team server runs, never a desktop.
  if (feeds !== null && feeds.length === 0 && inTeam) {
    return (
      <div className={empty.emptyState} role="status">
        <h2>The team has no feeds yet</h2>
        <p>
          An owner adds them where the team server runs, with <code>switchboard team feeds add URL</code>; their comments then arrive here and on every moderator&apos;s desktop.
        </p>
      </div>
    );
  }
  if (feeds !== null && feeds.length === 0) {
    return (
      <div className={empty.emptyState} role="status">
        <h2>Subscribe to a feed to start</h2>
        <p>Switchboard pulls every comment from the blogs and forums you look after into this queue, so you can route each one with a keystroke.</p>
        <div className={cx('actions', empty.centered)}>
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
    <div className={empty.emptyState} role="status">
      <p>{filtered ? 'No comments match these filters.' : EMPTY_VIEW_TEXT[view]}</p>
    </div>
  );
}

/**
 * How many are ticked, of how many the view lists, and the offer to tick every matching one once
 * all those shown are: "100 of 1234 selected · Select all 1234 matching".
 */
function SelectedCount({ count }: { count: number }) {
  const title = useShortcutTitle();
  const listed = useStore(listedCount);
  const matching = useStore((state) => (state.checkedMatching?.checked === state.checked ? state.checkedMatching : null));
  const offer = useStore((state) => state.nextCursor !== null && state.items.length > 0 && state.items.every((item) => state.checked.has(item.id)));
  const checkAllMatching = useStore((state) => state.checkAllMatching);
  if (matching) {
    return <span>{matching.more ? `The first ${count} of ${listed ?? 'the'} matching selected: one action takes at most ${MOST_IN_ONE_ACTION.toLocaleString()}` : `All ${count} matching selected`}</span>;
  }
  return (
    <>
      <span>{listed !== null && offer ? `${count} of ${listed} selected` : `${count} selected`}</span>
      {offer && (
        <button type="button" className="small" title={title('checkAll')} onClick={() => void checkAllMatching()}>
          Select all {listed ?? ''} matching
        </button>
      )}
    </>
  );
}

function BulkBar() {
  const title = useShortcutTitle();
  const count = useStore((state) => state.checked.size);
  const route = useStore((state) => state.route);
  const done = useStore((state) => state.done);
  const accept = useStore((state) => state.accept);
  const clearChecked = useStore((state) => state.clearChecked);
  const inService = useStore((state) => state.view === 'service');
  const createIncident = useStore((state) => state.createIncident);
  const [naming, setNaming] = useState(false);
  const [incidentName, setIncidentName] = useState('');
  if (count === 0) return null;
  return (
    <div className={styles.bulkBar} role="toolbar" aria-label="Selected comments">
      <SelectedCount count={count} />
      <button type="button" title={title('bulkService')} onClick={() => void route('service', 'selection')}>
        To service
      </button>
      <button type="button" title={title('bulkSpotlight')} onClick={() => void route('spotlight', 'selection')}>
        To spotlight
      </button>
      <button type="button" title={title('bulkIgnore')} onClick={() => void route('ignore', 'selection')}>
        Ignore all
      </button>
      <button type="button" title={title('bulkDone')} onClick={() => void done('selection')}>
        All done
      </button>
      <button type="button" title={title('accept')} onClick={() => void accept('selection')}>
        Accept suggestions
      </button>
      {inService &&
        (naming ? (
          <form
            className={styles.incident}
            onSubmit={(event) => {
              event.preventDefault();
              if (!incidentName.trim()) return;
              void createIncident([...useStore.getState().checked], incidentName.trim());
              setNaming(false);
              setIncidentName('');
            }}
          >
            <input aria-label="Incident name" placeholder="e.g. Frankfurt outage" autoFocus value={incidentName} onChange={(event) => setIncidentName(event.target.value)} />
            <button type="submit">Create</button>
          </form>
        ) : (
          <button type="button" onClick={() => setNaming(true)} disabled={count < 2}>
            Make incident…
          </button>
        ))}
      <button type="button" onClick={clearChecked}>
        Clear
      </button>
    </div>
  );
}

function ServiceTools() {
  const openDialog = useStore((state) => state.openDialog);
  const overdue = useStore((state) => state.counts?.serviceOverdue ?? 0);
  const ready = useStore((state) => state.counts?.serviceReady ?? 0);
  return (
    <>
      {overdue > 0 && <span className={tagClass('overdue')}>{overdue} overdue</span>}
      {ready > 0 && <span className={tagClass('ready')}>{ready} ready to export</span>}
      <span className={styles.tools}>
        <button type="button" className="small" onClick={() => openDialog('templates')}>
          Saved replies…
        </button>
        <button type="button" className="small" onClick={() => openDialog('export')}>
          Export replies…
        </button>
      </span>
    </>
  );
}

/**
 * "Accept suggestions…" in the Inbox. It shows in the header's row but is not part of the header,
 * which reads as the view's name and count alone.
 */
function InboxTools() {
  const openDialog = useStore((state) => state.openDialog);
  return (
    <div className={styles.headerTools}>
      <button type="button" className="small" title="Route every suggestion at or above a confidence you choose, as one undoable action" onClick={() => openDialog('accept-above')}>
        Accept suggestions…
      </button>
    </div>
  );
}

/**
 * What the heading counts: what is listed. A filtered list's size came with its first page; rows
 * that left it since (routed away, say) are taken off. Unfiltered, it is the view's own count.
 */
function listedCount(state: StoreState): string | null {
  if (state.matching?.capped) return `${state.matching.total}+`;
  if (state.matching) return String(Math.max(0, state.matching.total - (state.matching.read - state.items.length)));
  return state.counts?.[state.view] === undefined ? null : String(state.counts[state.view]);
}

export function QueuePane() {
  const view = useStore((state) => state.view);
  const count = useStore(listedCount);
  const empty = useStore((state) => state.items.length === 0 && !state.loading);
  return (
    <section className={styles.pane} aria-labelledby="queue-heading">
      <header className={styles.header}>
        <h1 id="queue-heading">{VIEW_LABELS[view]}</h1>
        {count !== null && <span className={styles.count}>{count}</span>}
        {view === 'service' && <ServiceTools />}
      </header>
      {view === 'inbox' && <InboxTools />}
      <FilterBar />
      <FilterChips />
      <BulkBar />
      {empty ? <EmptyState /> : <QueueList />}
    </section>
  );
}
