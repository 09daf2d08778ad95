// Arriving comments get their suggestion in the transaction that stores them (the feeds feature
// calls this through its port, FeedsContext.onNewComments, wired by the app), so no comment is
// ever stored without one; and the first rule that acts on a comment (route, ignore, snooze) acts
// on it at once, as an audited action the moderator can undo like their own.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { commentsToScore, writeSuggestion } from '../../../db/tables/suggestions';
import { routedChange, snoozedChange } from '../../core/routing';
import type { ActiveRules } from './rules/for-ingest';
import { currentModel } from './model';
import { batchContext, scoreRow, subjectOf } from './score';

type Acting = NonNullable<ReturnType<ActiveRules['action']>>;

/** Scores the new comments `ids` (one fetch's batch) and applies the rules that act on them. Runs inside the batch's write transaction. */
export function scoreNewComments(db: Db, ids: readonly number[], now: number): void {
  if (ids.length === 0) return;
  const model = currentModel(db);
  const contextOf = batchContext(db);
  // Each acting rule's comments become one audited action: one undo takes back what it did to the batch.
  const acted = new Map<number, { acting: Acting; ids: number[] }>();
  for (const row of commentsToScore(db, ids)) {
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
