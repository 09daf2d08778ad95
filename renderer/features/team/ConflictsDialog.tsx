// The decisions this desktop made that the workspace refused, each with both sides ("Routed to
// Spotlight by Dana 2 minutes ago" against yours) and the two ways to settle it.
import { useEffect } from 'react';
import type { TeamConflict } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { Name } from '../../ui/Name';
import styles from './team.module.css';
import { CONFLICT_REASONS, placeWords, theirsWords } from './team-words';

function Conflict({ conflict }: { conflict: TeamConflict }) {
  const resolveConflict = useStore((state) => state.resolveConflict);
  const label = `${conflict.author || 'Anonymous'}'s comment`;
  return (
    <li className={styles.conflict} aria-label={label}>
      <p className={styles.comment}>
        <strong><Name text={conflict.author} fallback="Anonymous" /></strong> {conflict.excerpt}
      </p>
      <p className="hint">Not applied: {CONFLICT_REASONS[conflict.reason]}.</p>
      <dl className={styles.sides}>
        <div>
          <dt>Theirs</dt>
          <dd>{theirsWords(conflict)}</dd>
        </div>
        <div>
          <dt>Yours</dt>
          <dd>{conflict.kind === 'draft' ? 'Your reply draft' : placeWords(conflict.mine)}</dd>
        </div>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => void resolveConflict(conflict.id, 'theirs')}>
          Keep theirs
        </button>
        <button type="button" onClick={() => void resolveConflict(conflict.id, 'mine')}>
          Apply mine
        </button>
      </div>
    </li>
  );
}

export function ConflictsDialog() {
  const conflicts = useStore((state) => state.conflicts);
  const loadConflicts = useStore((state) => state.loadConflicts);
  const closeDialog = useStore((state) => state.closeDialog);
  useEffect(() => void loadConflicts(), [loadConflicts]);
  return (
    <Modal title="Conflicts to resolve" onClose={closeDialog} wide>
      {conflicts === null ? (
        <p className="hint">Reading the conflicts…</p>
      ) : conflicts.length === 0 ? (
        <p className="hint">Nothing to resolve: every decision made here is in the workspace.</p>
      ) : (
        <ol className={styles.conflictsList}>
          {conflicts.map((conflict) => (
            <Conflict key={conflict.id} conflict={conflict} />
          ))}
        </ol>
      )}
    </Modal>
  );
}
