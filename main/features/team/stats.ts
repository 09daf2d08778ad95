// The dashboard's split by moderator, in a team: read from the team server (GET /team/v1/stats),
// which holds every moderator's decisions; a desktop's copy knows only who made each comment's
// latest one. Days are this desktop's own, as the dashboard's period picker shows them.
import { SwitchboardError } from '../../../common/errors';
import type { StatsAnswer } from '../../../common/team-wire';
import { readTeamLink } from '../../../db/tables/team-link';
import type { FeatureHandlers } from '../../core/context';
import type { TeamContext } from './context';
import { linkCall, reasonOf, teamCall, TeamUnreachable } from './http';
import { REVOKED_MESSAGE } from './messages';

/** Local midnight of a yyyy-mm-dd day. */
const dayStart = (day: string): number => new Date(`${day}T00:00:00`).getTime();

export const statsHandlers = {
  'team-stats': async (ctx, { from, to }) => {
    const link = readTeamLink(ctx.db);
    if (!link) throw new SwitchboardError('unavailable', 'team-stats', 'this desktop is not in a team workspace: every decision here is yours');
    if (link.revokedAt !== null) throw new SwitchboardError('unavailable', 'team-stats', REVOKED_MESSAGE);
    if (to < from) throw new SwitchboardError('invalid-input', 'team-stats', `the period ends (${to}) before it starts (${from}): pick a "to" day on or after the "from" day`);
    // The `to` day is included: up to the next day's midnight (setDate keeps a 23- or 25-hour day whole).
    const end = new Date(`${to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    try {
      return await teamCall<StatsAnswer>(linkCall(ctx.team.fetch, link), `/stats?from=${dayStart(from)}&to=${end.getTime()}`);
    } catch (error) {
      const why = error instanceof TeamUnreachable ? `the team server at ${link.serverUrl} is out of reach (${error.message})` : reasonOf(error);
      throw new SwitchboardError('unavailable', 'team-stats', `the split by moderator is read from the team server, and ${why}: try again once online`);
    }
  },
} satisfies FeatureHandlers<TeamContext>;
