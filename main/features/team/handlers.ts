// The team workspace's operations on this desktop (common/contract/team.ts). Solo, team-status
// says so, a claim is always held (nobody else to hold it) and resolving refuses in plain words.
import { randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../../common/errors';
import { iso } from '../../../common/time';
import type { ClaimAnswer, CommentState, ReleaseAnswer } from '../../../common/team-wire';
import type { TeamStatus } from '../../../common/types';
import { readTeamLink, type TeamLink } from '../../../db/tables/team-link';
import { dropOwnLease, othersLeases, storeLease } from '../../../db/tables/team-leases';
import { outboxLength, requeueForced } from '../../../db/tables/team-outbox';
import { conflictById, conflictCount, listConflicts, removeConflict } from '../../../db/tables/team-conflicts';
import { onlinePeople } from '../../../db/tables/team-people';
import { beginApplying, endApplying, setTeamDraft, setTeamState, teamVersionOf } from '../../../db/tables/team-copy';
import { writeTransaction } from '../../../db/write';
import { announceChange } from '../../core/changes';
import type { FeatureHandlers } from '../../core/context';
import type { TeamContext } from './context';
import { linkCall, teamCall, TeamRefusal, TeamUnreachable, reasonOf } from './http';
import { REVOKED_MESSAGE } from './messages';
import { checkoutHandlers } from './checkout';
import { statsHandlers } from './stats';
import { isOwnCheckout } from '../../../db/tables/team-checkout';

const SOLO = 'this desktop is not in a team workspace: join one with `switchboard team join URL --token sbi_...`';

/**
 * The link of a team copy that may still talk to its server; null solo, or once the token was
 * refused (then this desktop works on its copy alone, and team-status says why).
 */
function liveLink(ctx: TeamContext): TeamLink | null {
  const link = readTeamLink(ctx.db);
  return link?.revokedAt == null ? link : null;
}

/** A refusal of the server said as this desktop's error. */
function asError(stage: string, error: unknown): SwitchboardError {
  if (error instanceof TeamRefusal && error.status === 401) return new SwitchboardError('unavailable', stage, REVOKED_MESSAGE);
  if (error instanceof TeamRefusal && error.status < 500) return new SwitchboardError(error.status === 409 ? 'conflict' : 'invalid-input', stage, error.message);
  return new SwitchboardError('unavailable', stage, reasonOf(error));
}

export function teamStatus(ctx: TeamContext): TeamStatus {
  const link = readTeamLink(ctx.db);
  if (!link) return { mode: 'solo' };
  return {
    mode: 'team',
    server: link.serverUrl,
    workspace: link.workspace,
    moderator: { name: link.moderatorName, role: link.moderatorRole },
    online: ctx.team.online,
    lastSyncAt: link.lastSyncAt === null ? null : iso(link.lastSyncAt),
    outbox: outboxLength(ctx.db),
    conflicts: conflictCount(ctx.db),
    people: onlinePeople(ctx.db, link.moderatorName),
    problem: link.problem,
  };
}

export const teamHandlers = {
  ...checkoutHandlers,
  ...statsHandlers,
  'team-status': (ctx) => teamStatus(ctx),

  'team-claim': async (ctx, { itemId, purpose, takeOver }) => {
    const link = liveLink(ctx);
    if (!link) return { held: true, lease: null };
    // A comment checked out is held for hours already: opening or replying must not shorten that.
    if (isOwnCheckout(ctx.db, itemId, Date.now())) return { held: true, lease: null };
    let answer: ClaimAnswer;
    try {
      answer = await teamCall<ClaimAnswer>(linkCall(ctx.team.fetch, link), '/claim', { commentIds: [itemId], purpose, takeover: takeOver });
    } catch (error) {
      if (!(error instanceof TeamUnreachable)) throw asError('team-claim', error);
      // Offline the moderator works on the copy; what the change log last said of others still holds.
      const held = othersLeases(ctx.db, [itemId], Date.now()).get(itemId) ?? null;
      return { held: held === null, lease: held };
    }
    const granted = answer.granted.find((entry) => entry.commentId === itemId);
    if (granted) {
      storeLease(ctx.db, itemId, { holder: link.moderatorName, holderId: link.moderatorId, purpose, until: granted.until });
      if (takeOver) announceChange(ctx, 'team');
      return { held: true, lease: null };
    }
    const lease = answer.refused.find((entry) => entry.commentId === itemId)?.lease ?? null;
    if (lease) storeLease(ctx.db, itemId, lease);
    return { held: false, lease: lease && { holder: lease.holder, purpose: lease.purpose, until: iso(lease.until) } };
  },

  'team-release': async (ctx, { itemId }) => {
    const link = liveLink(ctx);
    if (!link) return { released: false };
    // Leaving a checked-out comment keeps it checked out (`team checkin` gives the checkout back).
    if (isOwnCheckout(ctx.db, itemId, Date.now())) return { released: false };
    try {
      const answer = await teamCall<ReleaseAnswer>(linkCall(ctx.team.fetch, link), '/release', { commentIds: [itemId] });
      dropOwnLease(ctx.db, itemId, link.moderatorId);
      return { released: answer.released > 0 };
    } catch (error) {
      if (error instanceof TeamUnreachable) return { released: false };
      throw asError('team-release', error);
    }
  },

  'team-conflicts': (ctx) => listConflicts(ctx.db),

  'team-resolve': (ctx, { conflictId, keep }) => {
    if (!readTeamLink(ctx.db)) throw new SwitchboardError('unavailable', 'team-resolve', SOLO);
    const conflict = conflictById(ctx.db, conflictId);
    if (!conflict) throw new SwitchboardError('not-found', 'team-resolve', `there is no conflict ${conflictId} waiting: it may have been settled already (team-conflicts lists those waiting)`);
    writeTransaction(ctx.db, () => {
      // Both ways write the comment as the workspace will hold it, not as a new decision of the moderator's.
      beginApplying(ctx.db);
      const version = Math.max(conflict.theirsVersion, teamVersionOf(ctx.db, conflict.itemId));
      if (keep === 'theirs') {
        if (conflict.kind === 'state' && conflict.theirs && conflict.theirsVersion >= teamVersionOf(ctx.db, conflict.itemId)) setTeamState(ctx.db, conflict.itemId, conflict.theirs, conflict.theirsVersion, conflict.theirsBy, conflict.theirsAt);
      } else {
        if (conflict.kind === 'state' && conflict.mine) setTeamState(ctx.db, conflict.itemId, JSON.parse(conflict.mine) as CommentState, version, readTeamLink(ctx.db)?.moderatorName ?? null, ctx.now());
        if (conflict.kind === 'draft') setTeamDraft(ctx.db, conflict.itemId, conflict.mine ? JSON.parse(conflict.mine) : null, ctx.now());
        requeueForced(ctx.db, randomUUID(), conflict.itemId, conflict.kind, conflict.mine, version, ctx.now());
      }
      removeConflict(ctx.db, conflict.id);
      endApplying(ctx.db);
    });
    announceChange(ctx, 'team');
    ctx.events.emit('team-changed', {});
    ctx.team.wake?.();
    return { resolved: true };
  },
} satisfies FeatureHandlers<TeamContext>;
