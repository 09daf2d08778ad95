import { useEffect, useState } from 'react';
import type { Member } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import { useStore } from '../../store';
import { cx } from '../../ui/cx';
import forms from '../../ui/forms.module.css';
import styles from './MembersDialog.module.css';
import { Name, NameList } from '../../ui/Name';

const PERIODS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 0, label: 'All time' },
];

/** The members board: top contributors over a period, the most helpful first. */
export function MembersDialog() {
  const closeDialog = useStore((state) => state.closeDialog);
  const openMember = useStore((state) => state.openMember);
  const loadMembers = useStore((state) => state.loadMembers);
  const [days, setDays] = useState(30);
  const [members, setMembers] = useState<Member[] | null>(null);
  useEffect(() => {
    const since = days ? new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10) : undefined;
    void loadMembers(since).then((loaded) => loaded && setMembers(loaded));
  }, [days, loadMembers]);
  return (
    <Modal title="Members" onClose={closeDialog} wide>
      <label className={cx(forms.field, forms.inline)}>
        <span>Period</span>
        <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
          {PERIODS.map((period) => (
            <option key={period.days} value={period.days}>
              {period.label}
            </option>
          ))}
        </select>
      </label>
      {members === null ? (
        <p className="hint">Loading…</p>
      ) : members.length === 0 ? (
        <p className="hint">Nobody wrote in this period.</p>
      ) : (
        <table className={styles.board}>
          <thead>
            <tr>
              <th>Member</th>
              <th>Community answers</th>
              <th>Featured</th>
              <th>Thanked</th>
              <th>Comments</th>
              <th>Service requests</th>
              <th>Last seen</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  <button type="button" className="link-like" onClick={() => openMember(member.id)}>
                    <Name text={member.name} />
                  </button>
                  {member.aliases.length > 1 && <span className="hint"> also <NameList names={member.aliases.filter((alias) => alias !== member.name)} /></span>}
                </td>
                <td>{member.stats.communityAnswers}</td>
                <td>{member.stats.featured}</td>
                <td>{member.stats.thanked}</td>
                <td>{member.stats.comments}</td>
                <td>{member.stats.serviceRequests}</td>
                <td>{member.stats.lastSeen ? new Date(member.stats.lastSeen).toLocaleDateString() : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
