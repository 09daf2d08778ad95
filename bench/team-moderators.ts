// Moderators triaging one shared Inbox at once over the team server's HTTP wire (common/team-wire.ts),
// as their desktops would: each takes a comment near the top of the Inbox it sees, claims it
// (POST /claim, purpose 'open'), and routes it (POST /decisions: a 'state' decision naming the
// version it read). Every round trip is timed from the request to its answer read whole.
import { randomUUID } from 'node:crypto';
import { TEAM_API, TEAM_MAX_DECISIONS, type ClaimAnswer, type CommentState, type DecisionsAnswer } from '../common/team-wire';
import { seededRandom } from '../test/support/seeded-random';

const LANES = ['service', 'spotlight', 'ignore'] as const;
/** How far down the Inbox a moderator looks for a comment to take (they start near the top, as people do). */
const PICK_FROM = 20;

export interface TeamClient {
  post<T>(route: string, body: unknown): Promise<T>;
}

/** A client of the team server with one moderator's personal token; a refusal throws with the server's message. */
export function teamClient(baseUrl: string, token: string): TeamClient {
  return {
    async post<T>(route: string, body: unknown): Promise<T> {
      const answer = await fetch(`${baseUrl}${TEAM_API}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`POST ${route} answered ${answer.status}: ${text}`);
      return JSON.parse(text) as T;
    },
  };
}

/** What a decision routing a new comment to `route` sets (the whole state, as a desktop sends it). */
export function routedState(route: (typeof LANES)[number], at: number): CommentState {
  return {
    status: 'routed',
    route,
    routed_at: at,
    snoozed_until: null,
    snooze_until_reply: 0,
    back_from_snooze: 0,
    note: null,
    service_state: route === 'service' ? 'open' : null,
    service_exported_at: null,
    resolution: null,
    answered_by: null,
  };
}

export interface TriageOptions {
  /**
   * About how long a moderator reads a comment after claiming it (half to one and a half times
   * this); 0 sends the decision at once, every moderator flat out.
   */
  thinkMs?: number;
  /** Hears of each comment just before its decision is sent. */
  deciding?: (commentId: number) => void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Routed {
  commentId: number;
  version: number;
  /** performance.now() when the decision's answer was read. */
  answeredAt: number;
}

export interface TriageResult {
  claimMs: number[];
  decisionMs: number[];
  /** Claims refused because another moderator held the comment. */
  refused: number;
  /** Decisions answered 'conflict' (stale version or another's lease). */
  conflicts: number;
  routed: Routed[];
  /** The Inbox as the moderators left it (what was not routed), newest first. */
  left: number[];
  wallMs: number;
}

/**
 * `clients` moderators each route `each` comments from `inbox` (ids at version 1, newest first),
 * all at once. The Inbox is shared as their desktops would show it: a comment leaves it for
 * everyone when it is routed.
 */
export async function triage(clients: TeamClient[], inbox: number[], each: number, options: TriageOptions = {}): Promise<TriageResult> {
  const { thinkMs = 0, deciding = () => {} } = options;
  const remaining = [...inbox];
  const result: TriageResult = { claimMs: [], decisionMs: [], refused: 0, conflicts: 0, routed: [], left: remaining, wallMs: 0 };
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, moderator) => {
      const next = seededRandom(1000 + moderator);
      for (let done = 0; done < each && remaining.length > 0; ) {
        const commentId = remaining[Math.floor(next() * Math.min(PICK_FROM, remaining.length))]!;
        let before = performance.now();
        const claim = await client.post<ClaimAnswer>('/claim', { commentIds: [commentId], purpose: 'open' });
        result.claimMs.push(performance.now() - before);
        if (claim.granted.length === 0) {
          result.refused += 1;
          continue;
        }
        if (thinkMs > 0) await pause(thinkMs * (0.5 + next()));
        deciding(commentId);
        before = performance.now();
        const decided = await client.post<DecisionsAnswer>('/decisions', {
          decisions: [{ kind: 'state', key: randomUUID(), commentId, baseVersion: 1, state: routedState(LANES[done % LANES.length]!, Date.now()), madeAt: Date.now() }],
        });
        const answeredAt = performance.now();
        result.decisionMs.push(answeredAt - before);
        const outcome = decided.outcomes[0]!;
        const index = remaining.indexOf(commentId);
        if (index >= 0) remaining.splice(index, 1);
        if (outcome.outcome === 'conflict') {
          result.conflicts += 1;
          continue;
        }
        result.routed.push({ commentId, version: outcome.version, answeredAt });
        done += 1;
      }
    }),
  );
  result.wallMs = performance.now() - started;
  return result;
}

/**
 * Routes every comment of `ids` (at version 1) without claims, as desktops sending their outboxes
 * do: the moderators take turns at a shared queue, TEAM_MAX_DECISIONS decisions a request.
 */
export async function decideInBatches(clients: TeamClient[], ids: readonly number[]): Promise<{ applied: number; conflicts: number; wallMs: number }> {
  const queue = [...ids];
  let applied = 0;
  let conflicts = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, moderator) => {
      for (let batch = queue.splice(0, TEAM_MAX_DECISIONS); batch.length > 0; batch = queue.splice(0, TEAM_MAX_DECISIONS)) {
        const at = Date.now();
        const decisions = batch.map((commentId, n) => ({ kind: 'state', key: randomUUID(), commentId, baseVersion: 1, state: routedState(LANES[(moderator + n) % LANES.length]!, at), madeAt: at }));
        const answer = await client.post<DecisionsAnswer>('/decisions', { decisions });
        for (const outcome of answer.outcomes) {
          if (outcome.outcome === 'conflict') conflicts += 1;
          else applied += 1;
        }
      }
    }),
  );
  return { applied, conflicts, wallMs: performance.now() - started };
}
