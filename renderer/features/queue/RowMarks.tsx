// The small marks on a queue row that say where a comment stands without opening it: back from a
// snooze, featured, its reply drafted, ready or exported, part of an incident. Each is a word
// (what a screen reader reads) with a longer explanation on hover.
import type { ItemSummary } from '../../../common/types';
import { tagClass, type TagVariant } from '../../ui/tag';

interface Mark {
  variant: TagVariant;
  label: string;
  title: string;
}

const REPLY_MARKS: Partial<Record<NonNullable<ItemSummary['serviceState']>, Mark>> = {
  drafted: { variant: 'drafted', label: 'Drafted', title: 'A reply is drafted, not yet marked ready' },
  ready: { variant: 'ready', label: 'Ready', title: 'The reply is ready to export' },
  exported: { variant: 'exported', label: 'Exported', title: 'The reply was exported; resolve it once it is posted' },
};

function marksOf(item: ItemSummary): Mark[] {
  const marks: Mark[] = [];
  if (item.backFromSnooze) marks.push({ variant: 'back', label: 'Back from snooze', title: 'Its snooze ended: back in the Inbox' });
  if (item.featured) marks.push({ variant: 'featured', label: 'Featured', title: 'Featured in the community highlights' });
  const reply = item.serviceState ? REPLY_MARKS[item.serviceState] : undefined;
  if (reply) marks.push(reply);
  if (item.incidentId !== null) marks.push({ variant: 'incident', label: 'Incident', title: 'Part of an incident: one shared reply answers all its comments' });
  return marks;
}

export function RowMarks({ item }: { item: ItemSummary }) {
  return marksOf(item).map((mark) => (
    <span key={mark.label} className={tagClass(mark.variant)} title={mark.title}>
      {mark.label}
    </span>
  ));
}
