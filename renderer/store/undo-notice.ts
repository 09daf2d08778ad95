import type { ItemSummary, UndoAnswer } from '../../common/types';
import { authorList } from './comment-names';

const EXCERPT_CHARS = 60;

function excerpt(item: ItemSummary): string {
  const text = item.excerpt.trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
}

/** What an undo says: the action and the comments it restored, by author and excerpt. */
export function undoNotice(result: UndoAnswer): string {
  if (result.superseded !== undefined) {
    const what = result.items.length === 1 ? `${authorList(result.items)}'s comment` : `the comments of ${authorList(result.items)}`;
    return `Not undone: ${what} changed since, in another window or a terminal. z again goes further back.`;
  }
  if (result.action === null) return 'Nothing to undo in this window.';
  if (result.items.length === 0) return `Undid ${result.action}; its comments have since been deleted with their feed.`;
  const [first] = result.items;
  if (result.items.length === 1 && first) return `Undid ${result.action} of ${first.author || 'Anonymous'} ("${excerpt(first)}").`;
  return `Undid ${result.action} of ${result.items.length} comments (${authorList(result.items)}).`;
}
