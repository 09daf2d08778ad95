// What storing and scoring a comment asks of the moderator's rules: their votes on its suggestion,
// and the action of the first rule that acts on it (route, ignore, snooze). The enabled rules are
// compiled once per change of the rules (rulesVersion): loadActiveRules may be called for every
// fetch batch, and reads one number when nothing changed.
//
// Stale suggestions: a suggestion scored with older rules than rulesVersion(db) now says is out of
// date. Saving, moving, deleting or importing rules changes the version, and so does applying a
// "suggest" rule (rules-apply: it asks for the Inbox to be scored again); whoever scores the Inbox
// re-scores it when it sees the version change.
import type { Db } from '../../../../db/connection';
import { listRules, rulesVersion } from '../../../../db/tables/routing-rules';
import type { RuleAction } from '../../../../common/contract/rules';
import type { Vote } from '../engine';
import { CompiledRule } from './compile';
import type { RuleSubject } from './subject';

export type { RuleSubject };

export type ActingRule = { ruleId: number; name: string; action: Exclude<RuleAction, { kind: 'suggest' }> };

/** The saved, enabled rules, ready to test comments (each pattern compiled once). */
export interface ActiveRules {
  /** The votes of every matching "suggest" rule, in order. */
  votes(subject: RuleSubject): Vote[];
  /** The first matching rule that acts (route, snooze), if any. */
  action(subject: RuleSubject): ActingRule | null;
  /**
   * Optional, for a batch (a fetch's new comments, a chunk of the Inbox being scored again): runs
   * each rule's pattern on the whole batch at once, about 1 µs a comment instead of 43 µs for a
   * timed run per comment; votes() and action() on the batch's comments then read the results.
   */
  prepare?(subjects: readonly RuleSubject[]): void;
}

/** Log-odds per step of a "suggest" rule's weight (1 to 5): weight 3 is 2.4, about 11 to 1 for its lane. */
export const VOTE_STEP = 0.8;

export function voteOf(name: string, action: Extract<RuleAction, { kind: 'suggest' }>): Vote {
  return { route: action.route, weight: action.weight * VOTE_STEP, reason: `your rule '${name}'` };
}

function activeRules(compiled: readonly CompiledRule[]): ActiveRules {
  const suggesting = compiled.filter((rule) => rule.rule.then.kind === 'suggest');
  const acting = compiled.filter((rule) => rule.rule.then.kind !== 'suggest');
  return {
    prepare: (subjects) => compiled.forEach((rule) => rule.prepare(subjects)),
    votes: (subject) => suggesting.filter((rule) => rule.matches(subject)).map(({ rule }) => voteOf(rule.name, rule.then as Extract<RuleAction, { kind: 'suggest' }>)),
    action: (subject) => {
      const first = acting.find((rule) => rule.matches(subject));
      return first ? { ruleId: first.rule.id!, name: first.rule.name, action: first.rule.then as ActingRule['action'] } : null;
    },
  };
}

const loaded = new WeakMap<Db, { version: number; rules: ActiveRules }>();

export function loadActiveRules(db: Db): ActiveRules {
  const version = rulesVersion(db);
  const cached = loaded.get(db);
  if (cached && cached.version === version) return cached.rules;
  const rules = activeRules(listRules(db).filter((rule) => rule.enabled).map((rule) => new CompiledRule(rule)));
  loaded.set(db, { version, rules });
  return rules;
}
