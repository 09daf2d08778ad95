// Settings → Suggestions: what the console has learned from the moderator's decisions, per lane,
// forgetting it (after a confirmation), and the way to the routing rules.
import { useEffect, useState } from 'react';
import { count } from '../../../common/plural';
import modal from '../../shell/Modal.module.css';
import { useStore } from '../../store';

export function SuggestionsSection() {
  const learning = useStore((state) => state.learning);
  const loadLearning = useStore((state) => state.loadLearning);
  const resetLearning = useStore((state) => state.resetLearning);
  const openDialog = useStore((state) => state.openDialog);
  const [confirming, setConfirming] = useState(false);
  const [unread, setUnread] = useState(false);
  useEffect(() => {
    void loadLearning().then((read) => setUnread(!read));
  }, [loadLearning]);
  const learned = learning ? learning.learned.service + learning.learned.spotlight + learning.learned.ignore : 0;
  return (
    <section aria-labelledby="settings-suggestions">
      <h3 id="settings-suggestions" className={modal.sectionHeading}>
        Suggestions
      </h3>
      {learning === null ? (
        <p className="hint">{unread ? 'What has been learned could not be read: the message above says why.' : 'Loading what has been learned…'}</p>
      ) : (
        <>
          <p>
            {learned === 0
              ? 'Nothing learned yet: suggestions come from the built-in signals and your rules until you route comments.'
              : `Learned from ${count(learned, 'decision')}: ${learning.learned.service.toLocaleString('en')} to customer service, ${learning.learned.spotlight.toLocaleString('en')} to the spotlight, ${learning.learned.ignore.toLocaleString('en')} ignored.`}
          </p>
          {learning.pendingRescore > 0 && <p className="hint">{count(learning.pendingRescore, 'Inbox comment')} waiting to be scored again.</p>}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={() => openDialog('rules')}>
          Routing rules…
        </button>
        {confirming ? (
          <>
            <span>Forget every decision learned? Your routes stay; only the suggestions start over.</span>
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() => {
                setConfirming(false);
                void resetLearning();
              }}
            >
              Forget it
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={learned === 0}>
            Reset learning…
          </button>
        )}
      </div>
    </section>
  );
}
