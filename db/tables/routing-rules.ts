// The moderator's routing rules, in the order they are tried (position 1 first, kept 1..n without
// gaps). Every rule stored here passed the one definition in common/contract/rules.ts.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { writeTransaction } from '../write';
import { SwitchboardError } from '../../common/errors';
import { MOST_RULES, type Rule, type RuleAction, type RuleConditions, type RulesFile } from '../../common/contract/rules';

type ValidRule = RulesFile['rules'][number];

interface RuleRow {
  id: number;
  position: number;
  name: string;
  enabled: number;
  rule: string;
}

function toRule(row: RuleRow): Rule {
  const { when, then } = JSON.parse(row.rule) as { when: RuleConditions; then: RuleAction };
  return { id: row.id, position: row.position, name: row.name, enabled: row.enabled === 1, when, then };
}

/** Every rule, first tried first. */
export function listRules(db: Db): Rule[] {
  return prepared<[], RuleRow>(db, 'SELECT id, position, name, enabled, rule FROM routing_rules ORDER BY position, id').all().map(toRule);
}

export function getRule(db: Db, id: number): Rule {
  const row = prepared<[number], RuleRow>(db, 'SELECT id, position, name, enabled, rule FROM routing_rules WHERE id = ?').get(id);
  if (!row) throw new SwitchboardError('not-found', 'rules', `there is no rule with id ${id}; "switchboard rules list" shows them`);
  return toRule(row);
}

/** Changes whenever any rule is added, changed, moved or deleted (kept by triggers, migration 014). */
export function rulesVersion(db: Db): number {
  return prepared<[], { version: number }>(db, 'SELECT version FROM routing_rules_version').get()?.version ?? 0;
}

/** Marks every rule's work as stale without changing a rule: those who cache or score by rulesVersion do it again. */
export function touchRules(db: Db): void {
  prepared(db, 'UPDATE routing_rules_version SET version = version + 1').run();
}

function appendRule(db: Db, rule: ValidRule, now: number): number {
  const count = prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM routing_rules').get()!.n;
  if (count >= MOST_RULES) throw new SwitchboardError('invalid-input', 'rules', `there are already ${MOST_RULES} rules, the most Switchboard tries on each comment; delete some first`);
  return Number(
    prepared(db, 'INSERT INTO routing_rules (position, name, enabled, rule, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      count + 1,
      rule.name,
      rule.enabled ? 1 : 0,
      JSON.stringify({ when: rule.when, then: rule.then }),
      now,
    ).lastInsertRowid,
  );
}

/** Adds a rule last in the order, or replaces rule `id` in its place. */
export function saveRule(db: Db, rule: ValidRule, now: number, id?: number): Rule {
  return writeTransaction(db, () => {
    if (id === undefined) return getRule(db, appendRule(db, rule, now));
    getRule(db, id);
    prepared(db, 'UPDATE routing_rules SET name = ?, enabled = ?, rule = ?, updated_at = ? WHERE id = ?').run(
      rule.name,
      rule.enabled ? 1 : 0,
      JSON.stringify({ when: rule.when, then: rule.then }),
      now,
      id,
    );
    return getRule(db, id);
  });
}

/** Writes positions 1..n in the order of `ids`. */
function renumber(db: Db, ids: readonly number[]): void {
  const place = prepared(db, 'UPDATE routing_rules SET position = ? WHERE id = ? AND position <> ?');
  ids.forEach((id, index) => place.run(index + 1, id, index + 1));
}

export function deleteRule(db: Db, id: number): number {
  return writeTransaction(db, () => {
    const deleted = prepared(db, 'DELETE FROM routing_rules WHERE id = ?').run(id).changes;
    if (deleted === 0) throw new SwitchboardError('not-found', 'rules', `there is no rule with id ${id}; "switchboard rules list" shows them`);
    renumber(db, listRules(db).map((rule) => rule.id));
    return deleted;
  });
}

/** Moves rule `id` to `position` (1 is tried first; past the end is last), the others keeping their order. */
export function moveRule(db: Db, id: number, position: number): Rule[] {
  return writeTransaction(db, () => {
    getRule(db, id);
    const others = listRules(db).map((rule) => rule.id).filter((other) => other !== id);
    others.splice(Math.min(position, others.length + 1) - 1, 0, id);
    renumber(db, others);
    return listRules(db);
  });
}

/** Adds every rule after the current ones (or in their place, `replace`), all or none. */
export function importRules(db: Db, rules: readonly ValidRule[], replace: boolean, now: number): Rule[] {
  return writeTransaction(db, () => {
    if (replace) prepared(db, 'DELETE FROM routing_rules').run();
    for (const rule of rules) appendRule(db, rule, now);
    return listRules(db);
  });
}
