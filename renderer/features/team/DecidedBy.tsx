// In the detail pane, in a team workspace: which moderator put the comment where it is, and when
// ("Routed to Spotlight by Dana · 2 minutes ago"), so nobody asks around who routed it. Solo
// comments carry no name, and nothing shows.
import type { ItemDetail } from '../../../common/types';
import { useStore } from '../../store';
import styles from './team.module.css';
import { decidedWords } from './team-words';

export function DecidedBy({ detail }: { detail: ItemDetail }) {
  const me = useStore((state) => (state.team?.mode === 'team' ? state.team.moderator.name : null));
  const words = decidedWords(detail, me);
  if (words === null) return null;
  return (
    <p className={styles.decidedBy} aria-label="Decided by">
      {words}
    </p>
  );
}
