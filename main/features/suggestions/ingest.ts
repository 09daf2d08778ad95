// Arriving comments get their suggestion in the transaction that stores them (the feeds feature
// calls this through its port, FeedsContext.onNewComments, wired by the app), so no comment is
// ever stored without one; and the first rule that acts on a comment (route, ignore, snooze) acts
// on it at once, as an audited action the moderator can undo like their own.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { SCORED_TEXT_CHARS, writeSuggestion, type ScoredComment } from '../../../db/tables/suggestions';
import type { NewComment } from '../../core/new-comments';
import { routedChange, snoozedChange } from '../../core/routing';
import type { ActiveRules } from './rules/for-ingest';
import { currentModel } from './model';
import { batchContext, scoreRow, subjectOf } from './score';

type Acting = NonNullable<ReturnType<ActiveRules['action']>>;

/** As scoring reads a comment: the fetch hands over what it stored, so nothing is read back. */
function scored(comment: NewComment): ScoredComment {
  const { id, feedId, threadId, threadTitle, author, text, publishedAt } = comment;
  return { id, feed_id: feedId, thread_id: threadId, thread_title: threadTitle, author, text: text.slice(0, SCORED_TEXT_CHARS), published_at: publishedAt };
}

/** Scores one fetch's new comments and applies the rules that act on them. Runs inside the batch's write transaction. */
export function scoreNewComments(db: Db, comments: readonly NewComment[], now: number): void {
  if (comments.length === 0) return;
  const model = currentModel(db);
  const contextOf = batchContext(db);
  // Each acting rule's comments become one audited action: one undo takes back what it did to the batch.
  const acted = new Map<number, { acting: Acting; ids: number[] }>();
  // Oldest first, so each comment's context holds the batch's comments before it in its thread.
  const rows = comments.map(scored).sort((a, b) => a.published_at - b.published_at || a.id - b.id);
  for (const row of rows) {
    writeSuggestion(db, row.id, scoreRow(row, contextOf(row), model), model.version);
    const acting = model.rules.action(subjectOf(row));
    if (acting) {
      const group = acted.get(acting.ruleId) ?? { acting, ids: [] };
      group.ids.push(row.id);
      acted.set(acting.ruleId, group);
    }
  }
  for (const { acting, ids: ruled } of acted.values()) applyRule(db, acting, ruled, now);
}

function applyRule(db: Db, { ruleId, name, action }: Acting, ids: number[], now: number): void {
  const rule = { ruleId, rule: name };
  if (action.kind === 'route') applyAction(db, 'route', ids, (item) => routedChange(item, action.route, now), { route: action.route, ...rule }, now);
  else {
    const at = now + action.hours * 3_600_000;
    applyAction(db, 'snooze', ids, snoozedChange({ at }), { until: new Date(at).toISOString(), ...rule }, now);
  }
}
