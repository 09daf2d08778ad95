// The suggestion for the comment shown: the lane and how sure, the reasons in plain words, and the
// button that accepts it (the same as the a key). Nothing before the comment is scored.
import type { ItemDetail } from '../../../common/types';
import { useStore } from '../../store';
import { keyBindings, withKey } from '../queue/keymap';
import { fullText } from './labels';
import styles from './SuggestionPanel.module.css';
import lanes from './lane-colours.module.css';

export function SuggestionPanel({ detail }: { detail: ItemDetail }) {
  const accept = useStore((state) => state.accept);
  const bindings = keyBindings(useStore((state) => state.settings.keyBindings));
  const { suggestion } = detail;
  if (suggestion === null) return null;
  const route = suggestion.route;
  return (
    <section className={styles.panel} aria-label="Suggestion">
      <div className={styles.line}>
        <h3 className={route ? lanes[route] : undefined}>{route ? `Suggested: ${fullText({ ...suggestion, route })}` : 'No suggestion: unsure'}</h3>
        {route && (
          <button type="button" className="small" aria-label="Accept the suggestion" title={withKey('accept', bindings)} onClick={() => void accept('current')}>
            Accept <kbd>{bindings.accept}</kbd>
          </button>
        )}
      </div>
      {suggestion.reasons.length > 0 && (
        <ul className={styles.reasons} aria-label="Why">
          {suggestion.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
