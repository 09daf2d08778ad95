import { useState } from 'react';
import type { FeedSummary } from '../../../main/api/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { ERROR_CATEGORY_LABELS, feedHealth, formatWhen, HEALTH_LABELS } from './feed-health';

function UnsubscribeConfirm({ feed, onDone }: { feed: FeedSummary; onDone: () => void }) {
  const unsubscribe = useStore((state) => state.unsubscribe);
  const leave = (deleteItems: boolean) => void unsubscribe(feed.id, deleteItems).then(onDone);
  return (
    <div className="confirm" role="group" aria-label={`Unsubscribe from ${feed.title || feed.url}`}>
      <p>Keep its {feed.itemCount} comments and your decisions on them?</p>
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

function FeedRow({ feed }: { feed: FeedSummary }) {
  const retryFeed = useStore((state) => state.retryFeed);
  const setFeedMuted = useStore((state) => state.setFeedMuted);
  const [confirming, setConfirming] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const health = feedHealth(feed);
  const retry = () => {
    setRetrying(true);
    void retryFeed(feed.id).finally(() => setRetrying(false));
  };
  return (
    <li className="health-row" aria-label={feed.title || feed.url}>
      <div className="health-title">
        <strong>{feed.title || feed.url}</strong>
        <span className={`badge badge-${health}`}>{HEALTH_LABELS[health]}</span>
        <small>{feed.url}</small>
      </div>
      <dl className="health-facts">
        <dt>Last success</dt>
        <dd>{formatWhen(feed.lastSuccessAt)}</dd>
        <dt>Next fetch</dt>
        <dd>{health === 'parked' ? 'waits for you to retry' : feed.intervalMinutes === 0 ? 'manual' : formatWhen(feed.nextFetchAt, 'soon')}</dd>
        <dt>Comments stored</dt>
        <dd>{feed.itemCount}</dd>
        {feed.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="health-error">
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
  const shown = (feeds ?? []).slice().sort((a, b) => Number(b.id === focusFeedId) - Number(a.id === focusFeedId));
  return (
    <Modal title="Feed health" onClose={closeDialog} wide>
      {shown.length === 0 ? (
        <p>No feeds yet.</p>
      ) : (
        <ul className="health-list" aria-label="Feeds">
          {shown.map((feed) => (
            <FeedRow key={feed.id} feed={feed} />
          ))}
        </ul>
      )}
    </Modal>
  );
}
