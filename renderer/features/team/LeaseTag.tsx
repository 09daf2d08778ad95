import type { TeamLease } from '../../../common/types';
import { tagClass } from '../../ui/tag';
import { leaseWords } from './team-words';

/** On a queue row: another moderator holds this comment ("Dana is replying"), read as part of the row's name. */
export function LeaseTag({ lease }: { lease: TeamLease | null | undefined }) {
  if (!lease) return null;
  const words = leaseWords(lease);
  return (
    <span className={tagClass('held')} title={`${words}: acting on it needs Take over, in the comment's pane`}>
      {words}
    </span>
  );
}
