// The suggestion on a queue row: its lane and confidence in the lane's colour, outlined so it never
// reads as a route already taken. A routed comment shows its route instead, and a comment with no
// suggestion shows nothing.
import type { ItemSummary } from '../../../common/types';
import { cx } from '../../ui/cx';
import { badgeText, fullText } from './labels';
import styles from './SuggestionBadge.module.css';
import lanes from './lane-colours.module.css';

export function SuggestionBadge({ item }: { item: ItemSummary }) {
  const { suggestion } = item;
  if (item.route !== null || !suggestion?.route) return null;
  const shown = { ...suggestion, route: suggestion.route };
  return (
    <span className={cx(styles.badge, lanes[shown.route])} title={`Suggested: ${fullText(shown)}. a accepts it.`}>
      <span className="visually-hidden">Suggested: </span>
      {badgeText(shown)}
    </span>
  );
}
