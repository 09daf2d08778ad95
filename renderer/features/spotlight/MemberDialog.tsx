import { useCallback, useEffect, useState } from 'react';
import type { Member, MemberProfile } from '../../../common/types';
import { Modal } from '../../shell/Modal';
import modal from '../../shell/Modal.module.css';
import { useStore } from '../../store';
import forms from '../../ui/forms.module.css';
import { tagClass } from '../../ui/tag';
import styles from './MemberDialog.module.css';
import { Name, NameList } from '../../ui/Name';
import { useSavedText } from '../../ui/useSavedText';
import { count } from '../../../common/plural';

/** A member's profile: numbers, milestones, comments, the private note, merge and split. */
export function MemberDialog() {
  const memberId = useStore((state) => state.memberId);
  const closeDialog = useStore((state) => state.closeDialog);
  const openMember = useStore((state) => state.openMember);
  const loadMember = useStore((state) => state.loadMember);
  const loadMembers = useStore((state) => state.loadMembers);
  const noteMember = useStore((state) => state.noteMember);
  const mergeMembers = useStore((state) => state.mergeMembers);
  const splitMember = useStore((state) => state.splitMember);
  const [profile, setProfile] = useState<MemberProfile | null>(null);
  const [others, setOthers] = useState<Member[]>([]);
  const [mergeFrom, setMergeFrom] = useState('');

  const load = useCallback(async () => {
    if (memberId === null) return;
    const loaded = await loadMember(memberId);
    if (!loaded) return;
    setProfile(loaded);
    const members = await loadMembers();
    if (members) setOthers(members.filter((member) => member.id !== loaded.id));
  }, [memberId, loadMember, loadMembers]);
  useEffect(() => void load(), [load]);
  // After a change, the profile refreshes (the store refreshes the comment shown behind it).
  const run = (work: Promise<boolean>, then?: () => void) =>
    void work.then((stored) => {
      if (!stored) return;
      then?.();
      return load();
    });
  const note = useSavedText(profile?.note ?? '', (text) => profile && run(noteMember(profile.id, text)));

  if (!profile) return null;
  const { stats } = profile;
  return (
    <Modal title={`Member: ${profile.name}`} onClose={closeDialog} wide>
      <p>
        {count(stats.comments, 'comment')} · {count(stats.communityAnswers, 'community answer')} · featured {stats.featured} · thanked {stats.thanked} · {count(stats.serviceRequests, 'service request')}
      </p>
      <p className="hint">
        Writes as <NameList names={profile.aliases} /> · in <NameList names={stats.feeds} /> · first seen {stats.firstSeen ? new Date(stats.firstSeen).toLocaleDateString() : '—'}, last seen{' '}
        {stats.lastSeen ? new Date(stats.lastSeen).toLocaleDateString() : '—'}
      </p>
      <label className={forms.field}>
        <span>Private note (moderators only; shown with their comments)</span>
        <textarea rows={2} value={note.text} onChange={(event) => note.setText(event.target.value)} onBlur={note.flush} />
      </label>
      <h3 className={modal.sectionHeading}>Milestones</h3>
      <ul className={styles.milestones}>
        {profile.milestones.map((milestone) => (
          <li key={`${milestone.kind}-${milestone.itemId}`}>
            <span className={tagClass('milestone')}>{milestone.label}</span> <span className="hint">{new Date(milestone.at).toLocaleDateString()}</span>
          </li>
        ))}
      </ul>
      <h3 className={modal.sectionHeading}>Comments</h3>
      <ul className={styles.comments}>
        {profile.comments.map((comment) => (
          <li key={comment.id}>
            <span className="hint">{new Date(comment.publishedAt).toLocaleDateString()}</span> {comment.route && <span className={tagClass(comment.route)}>{comment.route}</span>} {comment.excerpt}
          </li>
        ))}
      </ul>
      <h3 className={modal.sectionHeading}>Same person, other names</h3>
      <div className={forms.inlineForm}>
        <select aria-label="Member to merge in" value={mergeFrom} onChange={(event) => setMergeFrom(event.target.value)}>
          <option value="">Choose a member…</option>
          {others.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!mergeFrom} onClick={() => run(mergeMembers(profile.id, Number(mergeFrom)), () => setMergeFrom(''))}>
          Merge into <Name text={profile.name} />
        </button>
      </div>
      {profile.merged.map((merged) => (
        <p key={merged.id}>
          Includes <Name text={merged.name} />{' '}
          <button type="button" className="small" onClick={() => run(splitMember(merged.id), () => openMember(profile.id))}>
            Split off
          </button>
        </p>
      ))}
    </Modal>
  );
}
