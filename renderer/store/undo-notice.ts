import type { ItemSummary, UndoAnswer } from '../../common/types';

const EXCERPT_CHARS = 60;

function excerpt(item: ItemSummary): string {
  const text = item.excerpt.trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
}

/** What an undo says: the action and the comments it restored, by author and excerpt. */
export function undoNotice(result: UndoAnswer): string {
  if (result.action === null) return 'Nothing to undo in this window.';
  if (result.items.length === 0) return `Undid ${result.action}; its comments have since been deleted with their feed.`;
  const [first] = result.items;
  if (result.items.length === 1 && first) return `Undid ${result.action} of ${first.author || 'Anonymous'} ("${excerpt(first)}").`;
  const authors = [...new Set(result.items.map((item) => item.author || 'Anonymous'))];
  const named = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} and others` : authors.join(', ');
  return `Undid ${result.action} of ${result.itemIds.length} comments${named ? ` (${named})` : ''}.`;
}
