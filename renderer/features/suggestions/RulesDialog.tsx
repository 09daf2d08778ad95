// The moderator's routing rules, in the order they are tried: move, switch off, delete, apply to the
// stored comments (one undoable action), add or edit (RuleEditor), and import or export as JSON.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { sentence } from '../../../common/errors';
import type { Rule } from '../../../common/contract/rules';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { RuleEditor } from './RuleEditor';
import { draftOf, formOf, summaryOf } from './rule-form';
import styles from './RulesDialog.module.css';

function RuleRow({ rule, index, last, onEdit }: { rule: Rule; index: number; last: boolean; onEdit: () => void }) {
  const feeds = useStore((state) => state.feeds);
  const moveRule = useStore((state) => state.moveRule);
  const saveRule = useStore((state) => state.saveRule);
  const deleteRule = useStore((state) => state.deleteRule);
  const applyRule = useStore((state) => state.applyRule);
  const report = useStore((state) => state.report);
  const [confirming, setConfirming] = useState(false);
  const feedTitle = (id: number) => feeds?.find((feed) => feed.id === id)?.title || `feed #${id}`;
  return (
    <li className={styles.rule} aria-label={rule.name}>
      <div className={styles.ruleText}>
        <strong>
          {index + 1}. {rule.name}
        </strong>
        {!rule.enabled && <span className="hint"> (off)</span>}
        <span className={styles.summary}>{summaryOf(rule, feedTitle)}</span>
      </div>
      <div className={styles.ruleButtons}>
        <label className={forms.toggle}>
          <input type="checkbox" checked={rule.enabled} onChange={(event) => void saveRule(rule.id, { ...draftOf(formOf(rule)), enabled: event.target.checked }).catch(report)} />
          On
        </label>
        <button type="button" className="small" aria-label={`Move ${rule.name} up`} title="Move up: tried earlier" disabled={index === 0} onClick={() => void moveRule(rule.id, index)}>
          ↑
        </button>
        <button type="button" className="small" aria-label={`Move ${rule.name} down`} title="Move down: tried later" disabled={last} onClick={() => void moveRule(rule.id, index + 2)}>
          ↓
        </button>
        <button type="button" className="small" aria-label={`Edit ${rule.name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="small" title="Apply it to the comments already in the Inbox, as one undoable action" onClick={() => void applyRule(rule.id)}>
          Apply to stored comments
        </button>
        {confirming ? (
          <>
            <button type="button" className="small danger" autoFocus onClick={() => void deleteRule(rule.id)}>
              Delete it
            </button>
            <button type="button" className="small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="small" aria-label={`Delete ${rule.name}`} onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

function ImportExport() {
  const importRules = useStore((state) => state.importRules);
  const exportRules = useStore((state) => state.exportRules);
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setSaid({ text: await importRules(await file.text()), failed: false });
    } catch (error) {
      setSaid({ text: sentence(error), failed: true });
    }
  };
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import JSON…
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden aria-label="Rules file" onChange={(event) => void onFile(event)} />
      <button type="button" onClick={() => void exportRules()}>
        Export JSON
      </button>
      {said && (
        <p className={said.failed ? forms.error : 'hint'} role={said.failed ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
    </>
  );
}

export function RulesDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const rules = useStore((state) => state.rules);
  const loadRules = useStore((state) => state.loadRules);
  // The rule being edited: null for a new one, undefined when the list shows.
  const [editing, setEditing] = useState<Rule | null | undefined>(undefined);
  useEffect(() => void loadRules(), [loadRules]);
  return (
    <Modal title={editing === undefined ? 'Routing rules' : editing === null ? 'New rule' : `Edit rule: ${editing.name}`} onClose={closeDialog} wide>
      {editing !== undefined ? (
        <RuleEditor rule={editing} onDone={() => setEditing(undefined)} />
      ) : (
        <div className={forms.stack}>
          <p className="hint">Rules are tried first to last on every arriving comment; a rule that routes or snoozes acts at once, one that suggests leans the suggestion.</p>
          {rules === null ? (
            <p>Loading…</p>
          ) : rules.length === 0 ? (
            <p>No rule yet. A rule maps conditions (words, a pattern, an author, a feed…) to an action.</p>
          ) : (
            <ol className={styles.rules} aria-label="Rules">
              {rules.map((rule, index) => (
                <RuleRow key={rule.id} rule={rule} index={index} last={index === rules.length - 1} onEdit={() => setEditing(rule)} />
              ))}
            </ol>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEditing(null)}>
              Add rule…
            </button>
            <ImportExport />
          </div>
        </div>
      )}
    </Modal>
  );
}
