import { useState } from 'react';
import type { FeedSummary, FetchResult } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { cx } from '../../ui/cx';
import { ERROR_CATEGORY_LABELS, failuresFirst, feedHealth, formatWhen, HEALTH_LABELS, INTERVAL_LABELS, type Health } from './feed-health';
import styles from './FeedHealthPanel.module.css';
import { OpmlButtons } from './OpmlButtons';
import { Name } from '../../ui/Name';
import { count } from '../../../common/plural';

const BADGES: Record<Health, string | undefined> = { healthy: styles.badgeHealthy, failing: styles.badgeFailing, parked: styles.badgeParked, pending: undefined, muted: undefined };

function UnsubscribeConfirm({ feed, onDone }: { feed: FeedSummary; onDone: () => void }) {
  const unsubscribe = useStore((state) => state.unsubscribe);
  const leave = (deleteItems: boolean) => void unsubscribe(feed.id, deleteItems).then(onDone);
  return (
    <div className={styles.confirm} role="group" aria-label={`Unsubscribe from ${feed.title || feed.url}`}>
      <p>Keep its {count(feed.itemCount, 'comment')} and your decisions on them?</p>
      <button type="button" onClick={() => leave(false)}>
        Unsubscribe, keep comments
      </button>
      <button type="button" className="danger" onClick={() => leave(true)}>
        Delete comments too
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}

function FeedTitle({ feed }: { feed: FeedSummary }) {
  const updateFeed = useStore((state) => state.updateFeed);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(feed.title);
  if (!editing) {
    return (
      <>
        <strong><Name text={feed.title} fallback={feed.url} /></strong>
        <button type="button" className="link-like" onClick={() => setEditing(true)} aria-label={`Rename ${feed.title || feed.url}`}>
          Rename
        </button>
      </>
    );
  }
  return (
    <form
      className={styles.rename}
      onSubmit={(event) => {
        event.preventDefault();
        void updateFeed(feed.id, { title: title.trim() }).then(() => setEditing(false));
      }}
    >
      <input aria-label="Feed name" value={title} autoFocus maxLength={300} onChange={(event) => setTitle(event.target.value)} />
      <button type="submit">Save</button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}

function IntervalPicker({ feed }: { feed: FeedSummary }) {
  const updateFeed = useStore((state) => state.updateFeed);
  return (
    <select
      aria-label="Fetch every"
      value={feed.intervalMinutes}
      onChange={(event) => void updateFeed(feed.id, { intervalMinutes: Number(event.target.value) as 0 | 5 | 15 | 60 | 240 | 1440 })}
    >
      {Object.entries(INTERVAL_LABELS).map(([minutes, label]) => (
        <option key={minutes} value={minutes}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** What "Retry now" found, in a sentence. */
function retryOutcome(result: FetchResult): string {
  if (result.status === 'error') return `Still failing: ${result.error?.message ?? 'the fetch failed'}.`;
  if (result.status === 'cancelled') return 'The fetch was cancelled.';
  if (result.status === 'not-modified' || result.newItems === 0) return 'Fetched: nothing new.';
  return `Fetched: ${count(result.newItems, 'new comment')}.`;
}

function FeedRow({ feed }: { feed: FeedSummary }) {
  const retryFeed = useStore((state) => state.retryFeed);
  const setFeedMuted = useStore((state) => state.setFeedMuted);
  const [confirming, setConfirming] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const health = feedHealth(feed);
  const retry = () => {
    setRetrying(true);
    setOutcome(null);
    void retryFeed(feed.id)
      .then((result) => setOutcome(result ? retryOutcome(result) : null))
      .finally(() => setRetrying(false));
  };
  return (
    <li className={styles.row} aria-label={feed.title || feed.url}>
      <div className={styles.title}>
        <FeedTitle feed={feed} />
        <span className={cx(styles.badge, BADGES[health])}>{HEALTH_LABELS[health]}</span>
        <small>{feed.url}</small>
      </div>
      <dl className={styles.facts}>
        <dt>Last success</dt>
        <dd>{formatWhen(feed.lastSuccessAt)}</dd>
        <dt>Next fetch</dt>
        <dd>{health === 'parked' ? 'waits for you to retry' : feed.intervalMinutes === 0 ? 'manual' : formatWhen(feed.nextFetchAt, 'soon')}</dd>
        <dt>Fetch every</dt>
        <dd>
          <IntervalPicker feed={feed} />
        </dd>
        <dt>Comments stored</dt>
        <dd>{feed.itemCount}</dd>
        {feed.lastError && (
          <>
            <dt>Last error</dt>
            <dd className={styles.error}>
              <strong>{ERROR_CATEGORY_LABELS[feed.lastError.category] ?? feed.lastError.category}:</strong> {feed.lastError.message}
              {feed.failuresInARow > 1 && ` (${feed.failuresInARow} failures in a row)`}
            </dd>
          </>
        )}
      </dl>
      {confirming ? (
        <UnsubscribeConfirm feed={feed} onDone={() => setConfirming(false)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={retry} disabled={retrying}>
            {retrying ? 'Fetching…' : 'Retry now'}
          </button>
          <span className="hint" role="status" aria-label={`Retry of ${feed.title || feed.url}`}>
            {retrying ? 'Fetching the feed now…' : outcome}
          </span>
          <button type="button" onClick={() => void setFeedMuted(feed.id, feed.status !== 'muted')}>
            {feed.status === 'muted' ? 'Unmute' : 'Mute'}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Unsubscribe
          </button>
        </div>
      )}
    </li>
  );
}

export function FeedHealthPanel() {
  const feeds = useStore((state) => state.feeds);
  const focusFeedId = useStore((state) => state.focusFeedId);
  const closeDialog = useStore((state) => state.closeDialog);
  // The feed asked about first, then the ones failing: they are why the panel is opened.
  const shown = failuresFirst(feeds ?? []).sort((a, b) => Number(b.id === focusFeedId) - Number(a.id === focusFeedId));
  return (
    <Modal title="Feed health" onClose={closeDialog} wide>
      <OpmlButtons exportable={shown.length > 0} />
      {shown.length === 0 ? (
        <p>No feeds yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Feeds">
          {shown.map((feed) => (
            <FeedRow key={feed.id} feed={feed} />
          ))}
        </ul>
      )}
    </Modal>
  );
}
