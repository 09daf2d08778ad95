// An action refused because another moderator holds the comment: the service's words (who holds
// it), and the two ways out, instead of the error banner's generic failure. The keyboard goes to
// the first way out, as to an alert's default button (j and k still move on from there; Escape
// leaves it), and back to the list once the moderator chose.
import type { KeyboardEvent } from 'react';
import { useStore } from '../../store';
import banner from '../../ui/banner.module.css';
import { focusQueue } from '../queue/QueueList';
import styles from './team.module.css';
import { leaseWords } from './team-words';

export function RefusalBanner() {
  const refusal = useStore((state) => state.teamRefusal);
  const takeOver = useStore((state) => state.takeOver);
  const refusedByTeam = useStore((state) => state.refusedByTeam);
  const selectRelative = useStore((state) => state.selectRelative);
  const lease = useStore((state) => (refusal?.itemIds.length === 1 ? state.items.find((item) => item.id === refusal.itemIds[0])?.lease : null));
  if (refusal === null) return null;
  const takeOverAndRetry = async () => {
    refusedByTeam(null);
    focusQueue();
    if (await takeOver(refusal.itemIds)) await refusal.retry();
  };
  const leave = () => {
    refusedByTeam(null);
    focusQueue();
    // Left to whoever holds it: the moderator goes on with the next comment (the one before, at the end of the list).
    const { selectedId, items } = useStore.getState();
    if (selectedId === null || !refusal.itemIds.includes(selectedId)) return;
    void selectRelative(items.at(-1)?.id === selectedId ? -1 : 1);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    leave();
  };
  return (
    <div className={banner.warning} role="alert" aria-label="Held by another moderator" onKeyDown={onKeyDown}>
      <span>
        {/* Said from the lease when the list knows it, in the words of its row; else the service's own. */}
        <strong>Not done.</strong> {lease ? `${leaseWords(lease)}: take it over, or leave it to ${lease.holder}.` : refusal.message}
      </span>
      <span className={styles.choices}>
        <button type="button" className="primary" autoFocus onClick={() => void takeOverAndRetry()}>
          Take over and try again
        </button>
        <button type="button" onClick={leave}>
          Leave it
        </button>
      </span>
    </div>
  );
}
