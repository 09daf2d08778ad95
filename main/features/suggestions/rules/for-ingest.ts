// STUB (lead's skeleton): the rules helper replaces the bodies. What storing and scoring a comment
// asks of the moderator's rules: their votes on its suggestion, and the action of the first rule
// that acts on it (route, ignore, snooze).
import type { Db } from '../../../../db/connection';
import type { RuleAction } from '../../../../common/contract/rules';
import type { Vote } from '../engine';

/** A comment as the rules look at it. */
export interface RuleSubject {
  text: string;
  author: string;
  feedId: number;
  threadTitle: string;
}

/** The saved, enabled rules, ready to test comments (each pattern compiled once). */
export interface ActiveRules {
  /** The votes of every matching "suggest" rule, in order. */
  votes(subject: RuleSubject): Vote[];
  /** The first matching rule that acts (route, snooze), if any. */
  action(subject: RuleSubject): { ruleId: number; name: string; action: Exclude<RuleAction, { kind: 'suggest' }> } | null;
}

export function loadActiveRules(db: Db): ActiveRules {
  void db;
  return { votes: () => [], action: () => null };
}
