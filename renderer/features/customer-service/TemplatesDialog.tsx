import { useState, type FormEvent } from 'react';
import { sentence } from '../../../common/errors';
import { variableName } from '../../../common/contract/shared';
import { TEMPLATE_KIND_LABELS } from '../../../common/labels';
import { TEMPLATE_KINDS, type Template, type TemplateKind } from '../../../common/types';
import { BUILT_IN_PLACEHOLDERS } from '../../../common/placeholders';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { tagClass } from '../../ui/tag';
import styles from './TemplatesDialog.module.css';

type Editing = { id?: number; name: string; lane: Template['lane']; body: string; variables: string; kind: Template['kind'] };

const EMPTY: Editing = { name: '', lane: 'service', body: '', variables: '', kind: null };

/** The saved-reply manager: create, edit, duplicate, delete. */
export function TemplatesDialog() {
  const templates = useStore((state) => state.templates);
  const saveTemplate = useStore((state) => state.saveTemplate);
  const deleteTemplate = useStore((state) => state.deleteTemplate);
  const closeDialog = useStore((state) => state.closeDialog);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const startEditing = (next: Editing | null) => {
    setProblem(null);
    setEditing(next);
  };

  const edit = (template: Template, copy = false) =>
    // A copy starts without the kind: one reply per kind, and the original keeps it.
    startEditing({ id: copy ? undefined : template.id, name: copy ? `${template.name} (copy)` : template.name, lane: template.lane, body: template.body, variables: template.variables.join(', '), kind: copy ? null : template.kind });
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const variables = editing.variables.split(/[\s,]+/).filter(Boolean);
    // The service's own rule, checked here so that the dialog can name the word that is wrong.
    const wrong = variables.filter((name) => !variableName.safeParse(name).success);
    if (wrong.length > 0) {
      const words = wrong.map((name) => `"${name}"`).join(', ');
      setProblem(`${words} cannot be ${wrong.length === 1 ? 'a variable' : 'variables'}: a variable is one word starting with a letter, like ticket.`);
      return;
    }
    // Only a spotlight reply has a kind; one moved to the service lane drops it.
    saveTemplate({ ...editing, variables, kind: editing.lane === 'spotlight' ? editing.kind : null }).then(
      () => startEditing(null),
      (error: unknown) => setProblem(sentence(error)),
    );
  };

  return (
    <Modal title="Saved replies" onClose={closeDialog} wide>
      {editing ? (
        <form className={forms.stack} onSubmit={save}>
          <label className={forms.field}>
            <span>Name</span>
            <input required autoFocus value={editing.name} onChange={(event) => setEditing({ ...editing, name: event.target.value })} />
          </label>
          <label className={forms.field}>
            <span>Lane</span>
            <select value={editing.lane} onChange={(event) => setEditing({ ...editing, lane: event.target.value as Template['lane'] })}>
              <option value="service">Customer service</option>
              <option value="spotlight">Community spotlight</option>
            </select>
          </label>
          {editing.lane === 'spotlight' && (
            <label className={forms.field}>
              <span>Used for</span>
              <select value={editing.kind ?? ''} onChange={(event) => setEditing({ ...editing, kind: (event.target.value || null) as TemplateKind | null })}>
                <option value="">Nothing in particular (insert it with ;)</option>
                {TEMPLATE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    The {TEMPLATE_KIND_LABELS[kind]} ({kind === 'thank-you' ? 'Thank and "Answered it" draft it' : 'Invite drafts it'})
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className={forms.field}>
            <span>Text</span>
            <textarea required rows={5} value={editing.body} onChange={(event) => setEditing({ ...editing, body: event.target.value })} />
          </label>
          <p className="hint">Filled from the comment: {BUILT_IN_PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ')}</p>
          <label className={forms.field}>
            <span>Also ask for (variables, comma-separated, e.g. ticket)</span>
            <input value={editing.variables} onChange={(event) => setEditing({ ...editing, variables: event.target.value })} />
          </label>
          {problem && (
            <p className={forms.error} role="alert">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary">
              Save
            </button>
            <button type="button" onClick={() => startEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="actions">
            <button type="button" className="primary" onClick={() => startEditing(EMPTY)}>
              New saved reply
            </button>
          </div>
          <ul className={styles.list}>
            {templates.map((template) => (
              <li key={template.id} aria-label={template.name}>
                <div>
                  <strong>{template.name}</strong> <span className={tagClass()}>{template.lane}</span>
                  {template.kind && <span className={tagClass()}>{TEMPLATE_KIND_LABELS[template.kind]}</span>}
                  <p className="hint">{template.body}</p>
                </div>
                <div className="actions">
                  <button type="button" onClick={() => edit(template)}>
                    Edit
                  </button>
                  <button type="button" onClick={() => edit(template, true)}>
                    Duplicate
                  </button>
                  <button type="button" className="danger" onClick={() => void deleteTemplate(template.id)}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
            {templates.length === 0 && <li className="hint">No saved replies yet: "New saved reply" writes one.</li>}
          </ul>
        </>
      )}
    </Modal>
  );
}
