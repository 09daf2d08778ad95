// Checking out before going offline (issue 15, "going offline honestly"): the moderator takes
// leases for hours on the first comments of a view nobody else holds. Decisions made on them
// offline go through on reconnect (nobody else could change them meanwhile); decisions on other
// comments are queued all the same and may come back as conflicts. Every other desktop hears of
// the leases through the change log and shows "Sam checked it out".
import { SwitchboardError } from '../../../common/errors';
import { iso } from '../../../common/time';
import { TEAM_MAX_CLAIM, type ClaimAnswer, type ReleaseAnswer } from '../../../common/team-wire';
import { MOST_IN_ONE_ACTION } from '../../../common/contract/shared';
import type { CheckoutAnswer } from '../../../common/contract/team';
import { readTeamLink, type TeamLink } from '../../../db/tables/team-link';
import { othersLeases, storeLease, dropOwnLease } from '../../../db/tables/team-leases';
import { ownCheckoutIds } from '../../../db/tables/team-checkout';
import { matchingIds } from '../../../db/tables/items';
import { announceChange } from '../../core/changes';
import type { FeatureHandlers } from '../../core/context';
import type { TeamContext } from './context';
import { linkCall, reasonOf, teamCall, TeamRefusal, TeamUnreachable } from './http';
import { REVOKED_MESSAGE } from './messages';

const NOT_IN_TEAM = 'this desktop is not in a team workspace, so there is nothing to check out: every comment is yours alone';

function usableLink(ctx: TeamContext, stage: string): TeamLink {
  const link = readTeamLink(ctx.db);
  if (!link) throw new SwitchboardError('unavailable', stage, NOT_IN_TEAM);
  if (link.revokedAt !== null) throw new SwitchboardError('unavailable', stage, REVOKED_MESSAGE);
  return link;
}

/** A failed call said for the moderator about to leave: offline, a checkout cannot be taken or given back. */
function callFailed(stage: string, error: unknown, offline: string): SwitchboardError {
  if (error instanceof TeamUnreachable) return new SwitchboardError('unavailable', stage, `${offline} (${error.message})`);
  if (error instanceof TeamRefusal && error.status === 401) return new SwitchboardError('unavailable', stage, REVOKED_MESSAGE);
  return new SwitchboardError(error instanceof TeamRefusal && error.status < 500 ? 'invalid-input' : 'unavailable', stage, reasonOf(error));
}

function countHolders(names: string[]): CheckoutAnswer['holders'] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export const checkoutHandlers = {
  'team-checkout': async (ctx, { view, hours, limit }) => {
    const link = usableLink(ctx, 'team-checkout');
    const call = linkCall(ctx.team.fetch, link);
    const seconds = Math.round(hours * 3600);
    // The view in the order the console lists it; comments others hold (as the log said) are
    // skipped before asking, the server refuses the ones taken since.
    const candidates = matchingIds(ctx.db, { view, sort: 'newest' }, MOST_IN_ONE_ACTION).ids;
    const known = othersLeases(ctx.db, candidates, Date.now());
    const holders = [...known.values()].map((lease) => lease.holder);
    const free = candidates.filter((id) => !known.has(id));
    let held = 0;
    let until = 0;
    for (let at = 0; at < free.length && held < limit; ) {
      const chunk = free.slice(at, at + Math.min(TEAM_MAX_CLAIM, limit - held));
      at += chunk.length;
      let answer: ClaimAnswer;
      try {
        answer = await teamCall<ClaimAnswer>(call, '/claim', { commentIds: chunk, purpose: 'checkout', seconds });
      } catch (error) {
        throw callFailed('team-checkout', error, `cannot check out while the team server at ${link.serverUrl} is out of reach${held ? ` (${held} comments were checked out before it went)` : ''}: check out while still online`);
      }
      for (const granted of answer.granted) {
        storeLease(ctx.db, granted.commentId, { holder: link.moderatorName, holderId: link.moderatorId, purpose: 'checkout', until: granted.until });
        until = Math.max(until, granted.until);
      }
      for (const refused of answer.refused) {
        if (refused.lease) storeLease(ctx.db, refused.commentId, refused.lease);
        holders.push(refused.lease?.holder ?? 'nobody (gone from the workspace)');
      }
      held += answer.granted.length;
    }
    if (held > 0) announceChange(ctx, 'team');
    ctx.events.emit('team-changed', {});
    return { view, held, until: until ? iso(until) : null, heldByOthers: holders.length, holders: countHolders(holders) };
  },

  'team-checkin': async (ctx) => {
    const link = usableLink(ctx, 'team-checkin');
    const call = linkCall(ctx.team.fetch, link);
    const ids = ownCheckoutIds(ctx.db, Date.now());
    let released = 0;
    for (let at = 0; at < ids.length; at += TEAM_MAX_CLAIM) {
      const chunk = ids.slice(at, at + TEAM_MAX_CLAIM);
      try {
        released += (await teamCall<ReleaseAnswer>(call, '/release', { commentIds: chunk })).released;
      } catch (error) {
        throw callFailed('team-checkin', error, `cannot give the checkout back while the team server at ${link.serverUrl} is out of reach; run it again once online (or it ends by itself when its time is up)`);
      }
      for (const id of chunk) dropOwnLease(ctx.db, id, link.moderatorId);
    }
    if (ids.length > 0) announceChange(ctx, 'team');
    ctx.events.emit('team-changed', {});
    return { released };
  },
} satisfies FeatureHandlers<TeamContext>;
