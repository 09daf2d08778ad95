// Applying a saved rule to the comments already in the Inbox: those its scan matched (rules/scan.ts,
// the same as its preview) and still in the Inbox are routed or snoozed as one undoable action,
// exactly as the keys would (core/actions.ts).
import type { Db } from '../../../../db/connection';
import { stillInInbox } from '../../../../db/tables/rule-subjects';
import { writeTransaction } from '../../../../db/write';
import { routeItems, snoozeItems } from '../../../core/actions';
import type { RuleAction } from '../../../../common/contract/rules';
import type { ActionResult } from '../../../../common/types';

const HOUR = 60 * 60_000;

/** Null when none of `ids` is in the Inbox any more (nothing to do, nothing to undo). */
export function applyRuleAction(db: Db, action: Exclude<RuleAction, { kind: 'suggest' }>, ids: readonly number[], now: number): ActionResult | null {
  return writeTransaction(db, () => {
    const inbox = stillInInbox(db, ids);
    if (inbox.length === 0) return null;
    return action.kind === 'route' ? routeItems(db, inbox, action.route, now) : snoozeItems(db, inbox, { at: now + action.hours * HOUR }, now);
  });
}
