import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { sentence } from '../../../common/errors';
import type { FeedCandidate } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { tagClass } from '../../ui/tag';
import { OpmlButtons } from './OpmlButtons';
import { count } from '../../../common/plural';

type Step = { name: 'enter' } | { name: 'choose'; candidates: FeedCandidate[] } | { name: 'done'; message: string };

const KIND_LABEL: Record<FeedCandidate['kind'], string> = { comments: 'comment feed', posts: 'posts feed', unknown: 'feed' };

export function SubscribeDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const discover = useStore((state) => state.discover);
  const subscribe = useStore((state) => state.subscribe);
  const [url, setUrl] = useState('');
  const [step, setStep] = useState<Step>({ name: 'enter' });
  const [chosen, setChosen] = useState('');
  const [followDays, setFollowDays] = useState(14);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      // What went wrong in words; the failure's category stays in feed health.
      setError(sentence(caught));
    } finally {
      setBusy(false);
    }
  };

  const find = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const candidates = await discover(url);
      setChosen(candidates[0]?.url ?? '');
      setStep({ name: 'choose', candidates });
    });
  };

  const chosenCandidate = step.name === 'choose' ? step.candidates.find((candidate) => candidate.url === chosen) : undefined;

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      // Choosing a feed that points at this computer or the local network, then "Subscribe anyway", is the confirmation.
      const result = await subscribe(chosen, chosenCandidate?.kind === 'posts' ? followDays : undefined, chosenCandidate?.localAddress !== undefined);
      const fetched = result.fetch.error ? `The first fetch failed: ${result.fetch.error.message}.` : `${count(result.fetch.newItems, 'comment')} fetched.`;
      setStep({ name: 'done', message: `Subscribed to ${result.feed.title || result.feed.url}. ${fetched}` });
    });
  };

  // A radio button does not submit its form on Enter by itself.
  const submitOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };

  return (
    <Modal title="Subscribe to a feed" onClose={closeDialog}>
      {step.name === 'enter' && (
        <form onSubmit={find} className={forms.stack}>
          <label className={forms.field}>
            <span>Address of a blog, post, forum or feed</span>
            {/* Text, not type=url: an address without https:// is welcome (it is tried as https, then http). */}
            <input type="text" inputMode="url" required autoFocus placeholder="blog.example.com" value={url} onChange={(event) => setUrl(event.target.value)} />
          </label>
          <p className="hint">Paste a page (https:// is optional) and Switchboard looks for its comment feeds.</p>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Looking…' : 'Find feeds'}
            </button>
          </div>
          <p className="hint">Moving from another feed reader? Import its subscriptions:</p>
          <OpmlButtons exportable={false} />
        </form>
      )}
      {step.name === 'choose' && (
        <form onSubmit={confirm} className={forms.stack}>
          <fieldset className={forms.candidates}>
            <legend>{step.candidates.length === 1 ? 'Feed found' : `${step.candidates.length} feeds found — comment feeds first`}</legend>
            {step.candidates.map((candidate, index) => (
              <label key={candidate.url} className={forms.candidate}>
                <input
                  type="radio"
                  name="candidate"
                  value={candidate.url}
                  checked={chosen === candidate.url}
                  // Found feeds take the keyboard: the best one is focused, arrows choose, Enter subscribes.
                  autoFocus={index === 0}
                  onKeyDown={submitOnEnter}
                  onChange={() => setChosen(candidate.url)}
                />
                <span>
                  <strong>{candidate.title || candidate.url}</strong> <span className={tagClass()}>{KIND_LABEL[candidate.kind]}</span>
                  <br />
                  <small>{candidate.url}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {chosenCandidate?.kind === 'posts' && (
            <label className={forms.field}>
              <span>Follow each new post's comments for (days)</span>
              <input type="number" min={1} max={365} required value={followDays} onChange={(event) => setFollowDays(Number(event.target.value))} />
            </label>
          )}
          {chosenCandidate?.localAddress && (
            <p role="note">This feed is on your own computer or local network ({chosenCandidate.localAddress}). Subscribe anyway?</p>
          )}
          <div className="actions">
            <button type="button" onClick={() => setStep({ name: 'enter' })} disabled={busy}>
              Back
            </button>
            <button type="submit" className="primary" disabled={busy || !chosen}>
              {busy ? 'Subscribing…' : chosenCandidate?.localAddress ? 'Subscribe anyway' : 'Subscribe'}
            </button>
          </div>
        </form>
      )}
      {step.name === 'done' && (
        <div className={forms.stack}>
          <p role="status">{step.message}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={closeDialog} autoFocus>
              Done
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className={forms.error} role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
