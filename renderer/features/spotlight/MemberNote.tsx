import type { ItemContext } from '../../../common/types';
import { useStore } from '../../store';
import styles from './MemberNote.module.css';
import { Name } from '../../ui/Name';

/** The moderator's private note on the author, wherever their comments appear. */
export function MemberNote({ context }: { context: ItemContext }) {
  const openMember = useStore((state) => state.openMember);
  if (!context.member) return null;
  return (
    <div className={styles.memberNote} role="note" aria-label="Member note">
      {context.member.note && (
        <p>
          <strong>Note on <Name text={context.member.name} />:</strong> {context.member.note}
        </p>
      )}
      <button type="button" className="link-like" onClick={() => openMember(context.member!.id)}>
        Open <Name text={context.member.name} />'s profile
      </button>
    </div>
  );
}
