// The reply composer: the draft saves itself as you type (within a second), saved replies go in
// at the cursor with their placeholders filled from the comment, and the preview shows exactly
// what an export will hold.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ItemDetail, Template } from '../../../common/types';
import { builtInValues, fillPlaceholders, fillReply } from '../../../common/placeholders';
import { isOverdue } from '../../../common/waiting';
import { openExternal } from '../../api';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { tagClass } from '../../ui/tag';
import styles from './Composer.module.css';
import { TemplatePicker } from './TemplatePicker';
import { draftKey } from '../../store/unsaved-drafts';
import { useAutosave } from './useAutosave';
import { isSavedReplyChord, SAVED_REPLY_KEY } from '../queue/keymap';
import { useCommentRequest } from '../queue/useCommentRequest';
import { useShortcutTitle } from '../queue/useShortcutTitle';
import { formatHours } from '../../../common/duration';

const KEYED = ['mark-ready', 'insert-reply', 'focus-reply'] as const;

const STATE_LABELS = { open: 'Open', drafted: 'Drafted', ready: 'Ready to export', exported: 'Exported', resolved: 'Resolved' } as const;

export function waitingFor(publishedAt: string, now = Date.now()): string {
  return formatHours((now - Date.parse(publishedAt)) / 3_600_000);
}

export function Composer({ detail }: { detail: ItemDetail }) {
  const moderator = useStore((state) => state.settings.moderatorName);
  const overdueHours = useStore((state) => state.settings.overdueHours);
  const markReady = useStore((state) => state.markReady);
  const markIncidentReady = useStore((state) => state.markIncidentReady);
  const resolve = useStore((state) => state.resolve);
  const suggestIncident = useStore((state) => state.suggestIncident);
  const target = detail.incidentId !== null ? { incidentId: detail.incidentId } : { itemId: detail.id };
  // Text the service could not store yet (a full disk) comes back in place of the stored draft.
  const [waiting] = useState(() => useStore.getState().unsavedDrafts[draftKey(target)]);
  const [body, setBody] = useState(waiting?.body ?? detail.draft?.body ?? '');
  const [used, setUsed] = useState<string[]>(waiting?.templates ?? detail.draft?.templates ?? []);
  const [picking, setPicking] = useState(false);
  // A saved reply chosen in the palette that asks for its own values ({{ticket}}) first.
  const [asking, setAsking] = useState<Template | undefined>(undefined);
  const title = useShortcutTitle();
  const area = useRef<HTMLTextAreaElement>(null);
  const autosave = useAutosave(target, body, used, detail.draft?.body ?? '');

  // A draft written elsewhere (a thank-you or an invitation) shows here, unless you are typing.
  // Only a change of the stored text triggers this: the typed text and the saver are read
  // through refs, not watched, or a stale stored text would overwrite what was just saved.
  const serverBody = detail.draft?.body;
  const current = useRef({ body, autosave });
  current.current = { body, autosave };
  useEffect(() => {
    const { body: typed, autosave: saver } = current.current;
    if (serverBody === undefined || saver.dirty() || serverBody === typed) return;
    saver.adopt(serverBody);
    setBody(serverBody);
  }, [serverBody]);

  const values = builtInValues(detail, moderator);
  const preview = fillReply(body, detail, moderator);

  // The caret goes after the inserted text once the textarea holds it (the picker closing
  // renders even when the text did not change).
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caret.current === null) return;
    area.current?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [body, picking]);

  // Focus goes back to the text at once, not a frame later, so a key typed straight after
  // picking (another Ctrl+;) lands in the reply and not on the page.
  const closePicker = () => {
    setPicking(false);
    setAsking(undefined);
    area.current?.focus();
  };

  const insert = (template: Template, vars: Record<string, string>) => {
    const text = target.incidentId !== undefined ? fillPlaceholders(template.body, vars).text : fillPlaceholders(template.body, { ...values, ...vars }).text;
    const element = area.current;
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + text + body.slice(end);
    setBody(next);
    setUsed((current) => (current.includes(template.name) ? current : [...current, template.name]));
    closePicker();
    caret.current = start + text.length;
  };

  const markThisReady = () => {
    if (!body.trim() || preview.missing.length > 0) {
      useStore.setState({ notice: !body.trim() ? 'Write the reply before marking it ready.' : 'Fill in the placeholders the preview lists before marking the reply ready.' });
      return;
    }
    void autosave.flush().then((stored) => (!stored ? undefined : target.incidentId !== undefined ? markIncidentReady(target.incidentId) : markReady([detail.id])));
  };

  // Mark ready's key, and a saved reply chosen in the palette (at the cursor, as the picker puts it).
  useCommentRequest(detail.id, KEYED, (request) => {
    if (request.kind === 'focus-reply') return area.current?.focus();
    if (request.kind === 'mark-ready') return markThisReady();
    if (request.kind !== 'insert-reply') return;
    const template = useStore.getState().templates.find((candidate) => candidate.id === request.templateId);
    if (!template) return;
    if (template.variables.length === 0) return insert(template, {});
    setAsking(template);
    setPicking(true);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSavedReplyChord(event)) {
      event.preventDefault();
      setPicking(true);
    }
  };

  const service = detail.route === 'service';
  const waited = waitingFor(detail.publishedAt);
  const overdue = isOverdue(detail, overdueHours);
  const report = useStore((state) => state.report);
  const startReply = useStore((state) => state.startReply);
  const copyAndOpen = async () => {
    try {
      await navigator.clipboard.writeText(preview.text);
    } catch {
      report(new Error('reply: the clipboard refused the text; select it in the preview and copy it by hand'));
      return;
    }
    if (detail.url) openExternal(detail.url);
  };

  return (
    <section className={styles.composer} aria-label="Reply">
      <header className={styles.header}>
        <h3>{target.incidentId !== undefined ? 'Shared reply for the incident' : 'Reply'}</h3>
        {detail.serviceState && <span className={tagClass(detail.serviceState)}>{STATE_LABELS[detail.serviceState]}</span>}
        {/* Waiting and Resolve are customer service's: a spotlight reply is a thank-you, owed to no one. */}
        {service && <span className={overdue ? tagClass('overdue') : 'hint'}>{overdue ? `Overdue: waiting ${waited}` : `Waiting ${waited}`}</span>}
        <span className="spacer" />
        {detail.route === 'service' && detail.incidentId === null && (
          <button type="button" className="small" title="Select the service comments that look like the same problem, to make them one incident" onClick={() => void suggestIncident(detail.id)}>
            Find similar complaints
          </button>
        )}
        <span className="hint" role="status">
          {autosave.status}
        </span>
      </header>
      {picking && <TemplatePicker lane={detail.route === 'spotlight' ? 'spotlight' : 'service'} asking={asking} onPick={insert} onCancel={closePicker} />}
      <textarea
        id="composer"
        ref={area}
        aria-label="Reply text"
        rows={6}
        value={body}
        placeholder={`Write the reply, or press ${SAVED_REPLY_KEY} to insert a saved reply.`}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        // In a team, the others see "… is replying" on this comment from now on.
        onFocus={() => startReply(detail.id)}
      />
      <div className="actions">
        <button type="button" onClick={() => setPicking(true)} title={`Insert a saved reply (${SAVED_REPLY_KEY})`}>
          Insert saved reply
        </button>
        <button type="button" className="primary" title={title('markReady')} disabled={!body.trim() || preview.missing.length > 0} onClick={markThisReady}>
          Mark ready
        </button>
        <button type="button" onClick={() => void copyAndOpen()} disabled={!preview.text.trim()}>
          Copy reply and open comment
        </button>
        {service && (
          <button type="button" onClick={() => void autosave.flush().then((stored) => (stored ? resolve([detail.id]) : undefined))}>
            Resolve
          </button>
        )}
      </div>
      {body.trim() && (
        <div className={styles.preview} aria-label="Export preview">
          <h4>Exported as</h4>
          {preview.missing.length > 0 && (
            <p className={forms.error} role="alert">
              Nothing fills {preview.missing.map((name) => `{{${name}}}`).join(', ')}: it cannot be exported until you replace it.
            </p>
          )}
          <pre>{preview.text}</pre>
        </div>
      )}
    </section>
  );
}
