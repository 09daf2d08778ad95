import { useState } from 'react';
import type { OperationInput } from '../../../common/contract';
import type { ItemContext, ItemDetail, TemplateKind } from '../../../common/types';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import styles from './SpotlightActions.module.css';
import { Name } from '../../ui/Name';
import { useCommentRequest } from '../queue/useCommentRequest';
import { useShortcutTitle } from '../queue/useShortcutTitle';

const KEYED = ['feature', 'thank', 'invite', 'answer'] as const;

/** Feature, thank, invite, or mark as the community answer: what a spotlight comment can get. */
export function SpotlightActions({ detail, context }: { detail: ItemDetail; context: ItemContext | null }) {
  const recognise = useStore((state) => state.recognise);
  const title = useShortcutTitle();
  const templates = useStore((state) => state.templates);
  // Which text each action drafts: the saved reply declared for its kind, else Switchboard's own.
  const draftedFrom = (kind: TemplateKind) => {
    const name = templates.find((template) => template.kind === kind)?.name;
    return name ? `saved reply "${name}"` : "Switchboard's text";
  };
  const [mode, setMode] = useState<'feature' | 'invite' | 'answer' | null>(null);
  const [note, setNote] = useState('');
  const [inviteKind, setInviteKind] = useState<'guest-post' | 'volunteer' | 'moderator'>('guest-post');
  const recogniseAndClose = async (input: OperationInput<'spotlight-act'>, notice: string) => {
    if (!(await recognise(input, notice))) return;
    setMode(null);
    setNote('');
  };
  const questions = (context?.thread ?? []).filter((item) => item.id !== detail.id && item.publishedAt <= detail.publishedAt);
  const thank = () => void recogniseAndClose({ id: detail.id, action: 'thank' }, 'Thank-you drafted below.');
  // The keys (f, t, n, a as bound) do what the buttons do: open the same form, or thank at once.
  useCommentRequest(detail.id, KEYED, ({ kind }) => {
    if (kind === 'thank') return thank();
    if (kind === 'answer' && questions.length === 0) return useStore.setState({ notice: 'No earlier comment in this thread for this one to have answered.' });
    setMode(kind as 'feature' | 'invite' | 'answer');
  });

  return (
    <section className={styles.spotlightActions} aria-label="Spotlight">
      <div className="actions">
        <button type="button" title={title('feature')} onClick={() => setMode(mode === 'feature' ? null : 'feature')}>
          Feature
        </button>
        <button type="button" title={`${title('thank')}: drafts a thank-you from ${draftedFrom('thank-you')}`} onClick={thank}>
          Thank
        </button>
        <button type="button" title={title('invite')} onClick={() => setMode(mode === 'invite' ? null : 'invite')}>
          Invite
        </button>
        <button type="button" onClick={() => setMode(mode === 'answer' ? null : 'answer')} disabled={questions.length === 0} title={questions.length ? title('answer') : 'No earlier comment in this thread to have answered'}>
          Community answer
        </button>
      </div>
      {mode === 'feature' && (
        <form
          className={forms.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            void recogniseAndClose({ id: detail.id, action: 'feature', note: note.trim() || undefined }, 'Featured: it will be in the next highlights digest.');
          }}
        >
          <input aria-label="Why it stands out" placeholder="Why it stands out (shown in the digest)" autoFocus value={note} onChange={(event) => setNote(event.target.value)} />
          <button type="submit" className="primary">
            Feature it
          </button>
        </form>
      )}
      {mode === 'invite' && (
        <form
          className={forms.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            void recogniseAndClose({ id: detail.id, action: 'invite', inviteKind }, 'Invitation drafted below.');
          }}
        >
          <select aria-label="Invite to" autoFocus value={inviteKind} onChange={(event) => setInviteKind(event.target.value as typeof inviteKind)}>
            <option value="guest-post">Write a guest post ({draftedFrom('invite-guest-post')})</option>
            <option value="volunteer">Volunteer ({draftedFrom('invite-volunteer')})</option>
            <option value="moderator">Become a moderator ({draftedFrom('invite-moderator')})</option>
          </select>
          <button type="submit" className="primary">
            Draft invitation
          </button>
        </form>
      )}
      {mode === 'answer' && (
        <ul className={styles.answers} aria-label="Which question did it answer?">
          {questions.map((question, index) => (
            <li key={question.id}>
              <button type="button" autoFocus={index === 0} onClick={() => void recogniseAndClose({ id: detail.id, action: 'answer', answersId: question.id }, `Marked as the community answer to ${question.author}.`)}>
                <strong><Name text={question.author} /></strong> {question.excerpt}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
