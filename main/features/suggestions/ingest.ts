// Arriving comments get their suggestion in the insert that stores them (the feeds feature asks
// through its port, FeedsContext.arrivals, wired by the app), so no comment is ever stored without
// one and none is written twice; and the first rule that acts on a comment (route, ignore, snooze)
// acts on it once the batch is stored, as an audited action the moderator can undo like their own.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { SCORED_TEXT_CHARS, storedSuggestion, type ScoredComment } from '../../../db/tables/suggestions';
import type { ArrivalBatch, ArrivingComment, NewComment } from '../../core/new-comments';
import { routedChange, snoozedChange } from '../../core/routing';
import type { ActiveRules } from './rules/for-ingest';
import { currentModel } from './model';
import { arrivalContext, scoreRow, subjectOf } from './score';

type Acting = NonNullable<ReturnType<ActiveRules['action']>>;

/** As scoring reads a comment (not stored yet: no id). */
function scored(comment: ArrivingComment, id = 0): ScoredComment {
  const { feedId, threadId, threadTitle, author, text, publishedAt } = comment;
  return { id, feed_id: feedId, thread_id: threadId, thread_title: threadTitle, author, text: text.slice(0, SCORED_TEXT_CHARS), published_at: publishedAt };
}

/** One fetch's batch (the port the app hands the feeds feature): each new comment scored as it is inserted, the rules acting once all are stored. */
export function scoreArrivals(db: Db, comments: readonly ArrivingComment[], now: number): ArrivalBatch {
  const model = currentModel(db);
  const contextOf = arrivalContext(db, comments);
  return {
    suggestionFor: (comment) => storedSuggestion(scoreRow(scored(comment), contextOf(comment), model), model.version),
    stored: (fresh) => actOn(db, model.rules, fresh, now),
  };
}

/** The first acting rule of each new comment; each rule's comments become one audited action, so one undo takes back what it did to the batch. */
function actOn(db: Db, rules: ActiveRules, fresh: readonly NewComment[], now: number): void {
  const acted = new Map<number, { acting: Acting; ids: number[] }>();
  for (const comment of fresh) {
    const acting = rules.action(subjectOf(scored(comment, comment.id)));
    if (!acting) continue;
    const group = acted.get(acting.ruleId) ?? { acting, ids: [] };
    group.ids.push(comment.id);
    acted.set(acting.ruleId, group);
  }
  for (const { acting, ids } of acted.values()) applyRule(db, acting, ids, now);
}

function applyRule(db: Db, { ruleId, name, action }: Acting, ids: number[], now: number): void {
  const rule = { ruleId, rule: name };
  if (action.kind === 'route') applyAction(db, 'route', ids, (item) => routedChange(item, action.route, now), { route: action.route, ...rule }, now);
  else {
    const at = now + action.hours * 3_600_000;
    applyAction(db, 'snooze', ids, snoozedChange({ at }), { until: new Date(at).toISOString(), ...rule }, now);
  }
}
