// Adding or changing one routing rule: its conditions and action, a preview on the stored comments
// ("Would match 143 comments", with the newest of them) before it is saved, and what is wrong with
// it said beside the form in plain words.
import { useState, type ReactNode } from 'react';
import { sentence } from '../../../common/errors';
import { count } from '../../../common/plural';
import type { Rule, RulePreview } from '../../../common/contract/rules';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { Name } from '../../ui/Name';
import { draftOf, EMPTY_RULE_FORM, formOf, problemsOf, type RuleForm } from './rule-form';
import styles from './RulesDialog.module.css';

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className={forms.field}>
      <span>
        {label}
        {hint && <small className="hint"> {hint}</small>}
      </span>
      {children}
    </label>
  );
}

function PreviewResult({ preview }: { preview: RulePreview }) {
  const many = preview.capped ? `${preview.count.toLocaleString('en')}+` : preview.count.toLocaleString('en');
  return (
    <section className={styles.preview} aria-label="Preview">
      <p role="status">
        <strong>
          {preview.count === 0 ? 'Would match no stored comment.' : `Would match ${many} ${preview.count === 1 ? 'comment' : 'comments'}`}
        </strong>
        {preview.count > preview.items.length && preview.items.length > 0 && ` (the newest ${preview.items.length} below)`}
        {preview.timedOut > 0 && ` · the regular expression took too long on ${count(preview.timedOut, 'comment')} and did not match them: make it simpler`}
      </p>
      {preview.items.length > 0 && (
        <ul aria-label="Comments it would match">
          {preview.items.map((item) => (
            <li key={item.id}>
              <strong>
                <Name text={item.author} fallback="Anonymous" />
              </strong>{' '}
              {item.excerpt}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RuleEditor({ rule, onDone }: { rule: Rule | null; onDone: () => void }) {
  const feeds = useStore((state) => state.feeds);
  const saveRule = useStore((state) => state.saveRule);
  const previewRule = useStore((state) => state.previewRule);
  const [form, setForm] = useState<RuleForm>(rule ? formOf(rule) : EMPTY_RULE_FORM);
  const [problems, setProblems] = useState<string[]>([]);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [busy, setBusy] = useState(false);
  // A preview is of the rule as it was then: any change makes it out of date.
  const edit = (change: Partial<RuleForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setPreview(null);
  };
  const text = (name: keyof RuleForm) => ({ value: form[name] as string, onChange: (event: { target: { value: string } }) => edit({ [name]: event.target.value }) });

  /** Checks the form against the rule schema, then asks the service; its refusal (a bad regular expression) is shown like the form's own problems. */
  const run = async (ask: 'preview' | 'save') => {
    const draft = draftOf(form);
    const found = problemsOf(draft);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      if (ask === 'preview') setPreview(await previewRule(draft));
      else {
        await saveRule(rule?.id, draft);
        onDone();
      }
    } catch (error) {
      setProblems([sentence(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={forms.stack}
      aria-label={rule ? `Edit the rule ${rule.name}` : 'New rule'}
      onSubmit={(event) => {
        event.preventDefault();
        void run('save');
      }}
    >
      <Field label="Name">
        <input autoFocus {...text('name')} />
      </Field>
      <fieldset className={styles.conditions}>
        <legend>When a comment… (every condition given must hold)</legend>
        <div className={styles.pair}>
          <Field label="Words or phrases" hint="any of them, one a line">
            <textarea rows={2} {...text('words')} />
          </Field>
          <Field label="Regular expression" hint="ignoring case">
            <input {...text('pattern')} spellCheck={false} />
          </Field>
        </div>
        <div className={styles.pair}>
          <Field label="Author">
            <input {...text('author')} />
          </Field>
          <Field label="Feed">
            <select {...text('feedId')}>
              <option value="">Any feed</option>
              {(feeds ?? []).map((feed) => (
                <option key={feed.id} value={feed.id}>
                  {feed.title || feed.url}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Thread title" hint="words of it">
            <input {...text('thread')} />
          </Field>
        </div>
        <div className={styles.pair}>
          <Field label="Link">
            <select value={form.hasLink} onChange={(event) => edit({ hasLink: event.target.value as RuleForm['hasLink'] })}>
              <option value="">Either</option>
              <option value="yes">Has a link</option>
              <option value="no">Has no link</option>
            </select>
          </Field>
          <Field label="Length from" hint="characters">
            <input type="number" min={0} {...text('minLength')} />
          </Field>
          <Field label="Length to">
            <input type="number" min={0} {...text('maxLength')} />
          </Field>
          <Field label="Language" hint='"de", or "other"'>
            <input {...text('language')} />
          </Field>
        </div>
        <label className={forms.toggle}>
          <input type="checkbox" checked={form.linkOrEmojiOnly} onChange={(event) => edit({ linkOrEmojiOnly: event.target.checked })} />
          Nothing but links and emoji
        </label>
      </fieldset>
      <fieldset className={styles.conditions}>
        <legend>Then</legend>
        <div className={styles.pair}>
          <Field label="Action">
            <select value={form.action} onChange={(event) => edit({ action: event.target.value as RuleForm['action'] })}>
              <option value="suggest">Suggest a lane</option>
              <option value="route">Route it at once</option>
              <option value="snooze">Snooze it</option>
            </select>
          </Field>
          {form.action !== 'snooze' && (
            <Field label="Lane">
              <select value={form.route} onChange={(event) => edit({ route: event.target.value as RuleForm['route'] })}>
                <option value="service">Customer service</option>
                <option value="spotlight">Community spotlight</option>
                <option value="ignore">Ignore</option>
              </select>
            </Field>
          )}
          {form.action === 'suggest' && (
            <Field label="Weight" hint="1 a nudge, 5 all but decides">
              <input type="number" min={1} max={5} {...text('weight')} />
            </Field>
          )}
          {form.action === 'snooze' && (
            <Field label="Hours">
              <input type="number" min={1} {...text('hours')} />
            </Field>
          )}
        </div>
      </fieldset>
      <label className={forms.toggle}>
        <input type="checkbox" checked={form.enabled} onChange={(event) => edit({ enabled: event.target.checked })} />
        Enabled
      </label>
      {problems.length > 0 && (
        <div className={forms.error} role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {preview && <PreviewResult preview={preview} />}
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" disabled={busy} onClick={() => void run('preview')}>
          Preview
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save rule
        </button>
      </div>
    </form>
  );
}
