// Sends the outbox, oldest first, in steps of at most TEAM_MAX_DECISIONS and TEAM_MAX_BODY_BYTES, and settles each answer
// in one transaction: taken (now or before: a replay) leaves the outbox; refused becomes a
// conflict for the moderator, unless the workspace already holds exactly what they decided.
import { isDeepStrictEqual } from 'node:util';
import { TEAM_MAX_BODY_BYTES, TEAM_MAX_DECISIONS, type Decision, type DecisionOutcome, type DecisionsAnswer } from '../../../common/team-wire';
import { writeTransaction } from '../../../db/write';
import { nextOutbox, noteOutboxFailure, removeOutbox, settleOutbox, toDecision, type OutboxEntry } from '../../../db/tables/team-outbox';
import { recordConflict } from '../../../db/tables/team-conflicts';
import type { TeamContext } from './context';
import { isRevoked, reasonOf, teamCall, type TeamCall } from './http';

function settle(ctx: TeamContext, entries: OutboxEntry[], outcomes: DecisionOutcome[]): void {
  const byKey = new Map(outcomes.map((outcome) => [outcome.key, outcome]));
  writeTransaction(ctx.db, () => {
    for (const entry of entries) {
      const outcome = byKey.get(entry.key);
      if (!outcome) continue;
      if (outcome.outcome !== 'conflict') settleOutbox(ctx.db, entry, outcome.version);
      // Two desktops ending the same snooze, or deciding alike: nothing for anyone to settle.
      else if (entry.kind === 'state' && outcome.state && entry.state && isDeepStrictEqual(outcome.state, JSON.parse(entry.state))) settleOutbox(ctx.db, entry, outcome.version);
      else {
        recordConflict(ctx.db, entry, outcome);
        removeOutbox(ctx.db, entry.seq);
      }
    }
  });
}

/**
 * The oldest entries one request may carry: the server refuses a body over TEAM_MAX_BODY_BYTES, so
 * a step of long notes or drafts would be refused, kept, and sent again for ever. Always at least
 * one (one decision at its largest fits, common/team-wire.ts).
 */
function fittingStep(entries: OutboxEntry[]): { entries: OutboxEntry[]; decisions: Decision[] } {
  const decisions: Decision[] = [];
  let bytes = Buffer.byteLength('{"decisions":[]}');
  for (const entry of entries) {
    const decision = toDecision(entry);
    bytes += Buffer.byteLength(JSON.stringify(decision)) + 1;
    if (decisions.length > 0 && bytes > TEAM_MAX_BODY_BYTES) break;
    decisions.push(decision);
  }
  return { entries: entries.slice(0, decisions.length), decisions };
}

/** Sends everything waiting; returns how many decisions went. A failed step stays in the outbox, counted, and the error is thrown. */
export async function pushOutbox(ctx: TeamContext, call: TeamCall, signal?: AbortSignal): Promise<number> {
  let sent = 0;
  for (;;) {
    const { entries, decisions } = fittingStep(nextOutbox(ctx.db, TEAM_MAX_DECISIONS));
    if (entries.length === 0) return sent;
    let answer: DecisionsAnswer;
    try {
      answer = await teamCall<DecisionsAnswer>(call, '/decisions', { decisions }, signal);
    } catch (error) {
      if (!isRevoked(error) && ctx.db.open) noteOutboxFailure(ctx.db, entries.map((entry) => entry.seq), reasonOf(error));
      throw error;
    }
    if (!ctx.db.open) return sent;
    settle(ctx, entries, answer.outcomes);
    sent += entries.length;
    // An answer that took none of them would loop for ever: the next round tries again.
    if (!answer.outcomes.some((outcome) => entries.some((entry) => entry.key === outcome.key))) return sent;
  }
}
