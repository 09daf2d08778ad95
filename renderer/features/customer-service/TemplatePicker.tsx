import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Template } from '../../../common/types';
import { useStore } from '../../store';
import styles from './TemplatePicker.module.css';

/** Filter-as-you-type list of saved replies; one that declares variables asks for them first. */
/** `asking`: a saved reply already chosen (in the palette) whose values are asked for straight away. */
export function TemplatePicker({ lane, asking: chosen, onPick, onCancel }: { lane: Template['lane']; asking?: Template; onPick: (template: Template, vars: Record<string, string>) => void; onCancel: () => void }) {
  const templates = useStore((state) => state.templates);
  const openDialog = useStore((state) => state.openDialog);
  const [filter, setFilter] = useState('');
  const [asking, setAsking] = useState<Template | null>(chosen ?? null);
  const [vars, setVars] = useState<Record<string, string>>({});
  const shown = templates.filter((template) => template.lane === lane && `${template.name} ${template.body}`.toLowerCase().includes(filter.toLowerCase()));

  const choose = (template: Template) => {
    if (template.variables.length === 0) return onPick(template, {});
    setVars({});
    setAsking(template);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  const submitVars = (event: FormEvent) => {
    event.preventDefault();
    if (asking) onPick(asking, vars);
  };

  if (asking) {
    return (
      <form className={styles.picker} onSubmit={submitVars} onKeyDown={onKeyDown} aria-label={`Fill in ${asking.name}`}>
        <p>
          <strong>{asking.name}</strong> needs:
        </p>
        {asking.variables.map((name, index) => (
          <label key={name} className={styles.variable}>
            <span>{name}</span>
            <input required autoFocus={index === 0} value={vars[name] ?? ''} onChange={(event) => setVars({ ...vars, [name]: event.target.value })} />
          </label>
        ))}
        <div className="actions">
          <button type="submit" className="primary">
            Insert
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className={styles.picker} onKeyDown={onKeyDown}>
      <input
        autoFocus
        aria-label="Find a saved reply"
        placeholder="Find a saved reply…"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && shown[0]) {
            event.preventDefault();
            choose(shown[0]);
          }
        }}
      />
      <ul role="listbox" aria-label="Saved replies">
        {shown.map((template) => (
          <li key={template.id} role="option" aria-selected={false} onClick={() => choose(template)}>
            <strong>{template.name}</strong> <span className="hint">{template.body.slice(0, 80)}</span>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="hint">
            {templates.some((template) => template.lane === lane)
              ? 'No saved reply matches.'
              : `No ${lane === 'service' ? 'customer-service' : 'spotlight'} saved replies yet. Create one with "Manage saved replies…" below: a name, the text, and placeholders like {{author}} that fill in from the comment.`}
          </li>
        )}
      </ul>
      <button type="button" className="link-like" onClick={() => openDialog('templates')}>
        Manage saved replies…
      </button>
    </div>
  );
}
