// GET /team/v1/stats: the decisions applied in a period, by moderator (common/team-wire.ts,
// TEAM_STATS_PATH), for the dashboard's split by moderator. Any moderator may read it; it writes nothing.
import { statsQuery, type StatsAnswer } from '../../common/team-wire';
import { decisionsByModerator } from '../../db/pg/tables/stats';
import { parseWith } from './http-io';
import type { TeamRoute } from './routes';

const stats: TeamRoute = {
  method: 'GET',
  path: '/stats',
  async handle({ pool, url }): Promise<StatsAnswer> {
    const query = parseWith(statsQuery, Object.fromEntries(url.searchParams), 'the query');
    return { moderators: await decisionsByModerator(pool, query.from, query.to) };
  },
};

export const statsRoutes: readonly TeamRoute[] = [stats];
