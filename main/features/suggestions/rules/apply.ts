// Applying a saved rule to the comments already in the Inbox: those its scan matched (rules/scan.ts,
// the same as its preview) and still in the Inbox are routed or snoozed as one undoable action,
// changed exactly as the keys change them (core/routing.ts), the rule named in the audit log as
// when it acts on an arriving comment.
import type { Db } from '../../../../db/connection';
import { applyAction } from '../../../../db/tables/audit-log';
import { stillInInbox } from '../../../../db/tables/rule-subjects';
import { writeTransaction } from '../../../../db/write';
import { routedChange, snoozedChange } from '../../../core/routing';
import type { Rule } from '../../../../common/contract/rules';
import type { ActionResult } from '../../../../common/types';

type ActingRule = Rule & { then: { kind: 'route' | 'snooze' } };

const HOUR = 60 * 60_000;

/** Null when none of `ids` is in the Inbox any more (nothing to do, nothing to undo). */
export function applyRuleAction(db: Db, { id, name, then }: ActingRule, ids: readonly number[], now: number): ActionResult | null {
  return writeTransaction(db, () => {
    const inbox = stillInInbox(db, ids);
    if (inbox.length === 0) return null;
    const rule = { ruleId: id, rule: name };
    if (then.kind === 'route') return applyAction(db, 'route', inbox, (item) => routedChange(item, then.route, now), { route: then.route, ...rule }, now);
    const at = now + then.hours * HOUR;
    return applyAction(db, 'snooze', inbox, snoozedChange({ at }), { until: new Date(at).toISOString(), ...rule }, now);
  });
}
