// In the detail pane: who else holds the comment shown, and Take over. The lease is the list row's
// when the comment is listed (the list is read again as leases come and go; the pane is not), else
// the one the comment came with.
import type { ItemDetail } from '../../../common/types';
import { useStore } from '../../store';
import banner from '../../ui/banner.module.css';
import styles from './team.module.css';
import { leaseWords } from './team-words';

export function LeaseNotice({ detail }: { detail: ItemDetail }) {
  const listed = useStore((state) => state.items.find((item) => item.id === detail.id));
  const takeOver = useStore((state) => state.takeOver);
  const lease = listed ? listed.lease : detail.lease;
  if (!lease) return null;
  const take = async () => {
    if (await takeOver([detail.id])) useStore.setState({ notice: `You took this comment over from ${lease.holder}.` });
  };
  return (
    <div className={`${banner.warning} ${styles.leaseNotice}`} role="status" aria-label="Held by another moderator">
      <span>
        <strong>{leaseWords(lease)}.</strong> To act on it, take it over ({lease.holder} will see it is yours), or leave it to {lease.holder}.
      </span>
      <button type="button" onClick={() => void take()}>
        Take over
      </button>
    </div>
  );
}
