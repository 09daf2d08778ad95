// How a toast names the comments an action touched: by author, so the moderator can tell which
// one moved without looking back at the list.
import type { ItemSummary } from '../../common/types';
import { count } from '../../common/plural';

/** "Ada, Ben and Cleo", "Ada, Ben, Cleo and others". */
export function authorList(items: ItemSummary[]): string {
  const authors = [...new Set(items.map((item) => item.author || 'Anonymous'))];
  if (authors.length > 3) return `${authors.slice(0, 3).join(', ')} and others`;
  return authors.length > 1 ? `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}` : authors.join('');
}

/**
 * "Priya N's comment", "3 comments (Ada, Ben and Cleo)"; `total` counts the comments acted on when
 * some are not on screen (ticked by "select all N matching"), so the count never undersells.
 */
export function commentsOf(items: ItemSummary[], total = items.length): string {
  const [first] = items;
  if (total === 1 && first) return `${first.author || 'Anonymous'}'s comment`;
  return items.length > 0 ? `${count(total, 'comment')} (${authorList(items)})` : count(total, 'comment');
}
