// Leases on the comment this moderator works on, in a team workspace: claimed when it is opened
// (purpose 'open') and when a reply is started ('reply'), renewed at half the lease's length while
// it stays open, given back when the moderator moves on. Fire and forget: a key never waits for a
// claim, and a claim that fails (offline, say) is not an error to show, since the header says
// offline and every decision is checked by the workspace anyway.
import { LEASE_SECONDS } from '../../common/team-wire';
import type { TeamLease } from '../../common/types';
import { api } from '../api';

type Purpose = 'open' | 'reply';
type ClaimAnswer = { held: boolean; lease: TeamLease | null };

/** Renewed well before it runs out, so one slow or lost renewal does not let it go. */
const RENEW_MS = (LEASE_SECONDS * 1000) / 2;
/** j held down passes many comments: only the one the moderator stops on is claimed. */
const SETTLE_MS = 300;

export interface LeaseKeeper {
  /** The comment shown changed (null: none). */
  follow(itemId: number | null): void;
  /** The moderator started a reply on the comment shown. */
  reply(itemId: number): void;
  /** Takes the comment from whoever holds it; keeps it as this moderator's while it stays open. */
  takeOver(itemId: number): Promise<ClaimAnswer>;
}

export function createLeaseKeeper(inTeam: () => boolean): LeaseKeeper {
  /** The comment shown and the lease wanted on it; `claimed`: a claim for it went out. */
  let current: { itemId: number; purpose: Purpose; claimed: boolean } | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let renew: ReturnType<typeof setInterval> | undefined;
  // Calls go out in order: a release of the last comment never overtakes the claim of the next.
  let queue: Promise<unknown> = Promise.resolve();
  const send = <T>(call: () => Promise<T>): Promise<T> => {
    const sent = queue.then(call);
    queue = sent.catch(() => undefined);
    return sent;
  };

  const claim = (takeOver = false): Promise<ClaimAnswer> | undefined => {
    const wanted = current;
    if (wanted === null) return undefined;
    wanted.claimed = true;
    // Refused, the comment is someone else's: the row shows whose, from the change log.
    return send(() => api['team-claim']({ itemId: wanted.itemId, purpose: wanted.purpose, takeOver }));
  };

  const stop = () => {
    clearTimeout(settle);
    clearInterval(renew);
    const left = current;
    current = null;
    // Given back whenever a claim went out, answered or not: one granted after the moderator moved
    // on would otherwise keep the comment from the others until it ran out. The queue sends this
    // release after that claim; releasing a lease not held changes nothing.
    if (left?.claimed) void send(() => api['team-release']({ itemId: left.itemId })).catch(() => undefined);
  };

  const start = (itemId: number, purpose: Purpose) => {
    current = { itemId, purpose, claimed: false };
    renew = setInterval(() => void claim()?.catch(() => undefined), RENEW_MS);
  };

  return {
    follow(itemId) {
      if (itemId === current?.itemId) return;
      stop();
      if (itemId === null || !inTeam()) return;
      start(itemId, 'open');
      settle = setTimeout(() => void claim()?.catch(() => undefined), SETTLE_MS);
    },
    reply(itemId) {
      if (!inTeam()) return;
      if (current?.itemId === itemId) {
        if (current.purpose === 'reply') return;
        clearTimeout(settle);
        current.purpose = 'reply';
      } else {
        stop();
        start(itemId, 'reply');
      }
      void claim()?.catch(() => undefined);
    },
    takeOver(itemId) {
      if (current?.itemId === itemId) {
        // Taken now: the plain claim still waiting to go out would only be refused before it.
        clearTimeout(settle);
        return claim(true)!;
      }
      // A ticked comment not shown: taken for the action about to be retried, which gives it back.
      return send(() => api['team-claim']({ itemId, purpose: 'open', takeOver: true }));
    },
  };
}
